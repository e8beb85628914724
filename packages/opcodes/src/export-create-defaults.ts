import type { ExportInfo } from './read-export';

/**
 * Ganeti's _ReadExportParams for `mode: import`: the create opcode's fields
 * with the export's values filled in where the request gave none (`os_type`
 * always comes from the export; `disks`, `nics`, `tags`, `hypervisor` when
 * absent or empty; hv/be/os parameters key by key, the request winning).
 * Disk i of the new instance is then filled from `info.disks[i].image`.
 */
export function exportCreateDefaults(fields: Readonly<Record<string, unknown>>, info: ExportInfo): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields, os_type: info.os };
  const empty = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) && v.length === 0);
  if (empty(fields.disks)) out.disks = info.disks.map((d) => ({ size: d.size, name: d.name }));
  if (empty(fields.nics)) {
    out.nics = info.nics.map((n) => {
      const nic: Record<string, unknown> = { ip: n.ip, mac: n.mac, name: n.name };
      if (n.network) nic.network = n.network;
      else for (const key of ['mode', 'link', 'vlan'] as const) nic[key] = n[key];
      return nic;
    });
  }
  if (empty(fields.tags) && info.tags.length > 0) out.tags = info.tags;
  if (empty(fields.hypervisor) && info.hypervisor !== null) out.hypervisor = info.hypervisor;
  const merge = (own: unknown, exported: Record<string, string>): Record<string, unknown> => ({ ...exported, ...((own as Record<string, unknown> | undefined) ?? {}) });
  out.hvparams = merge(fields.hvparams, info.hvparams);
  const be = merge(fields.beparams, info.beparams);
  if ('memory' in info.beparams) {
    if (!(fields.beparams as Record<string, unknown> | undefined)?.maxmem) be.maxmem ??= info.beparams.memory;
    if (!(fields.beparams as Record<string, unknown> | undefined)?.minmem) be.minmem ??= info.beparams.memory;
  }
  out.beparams = be;
  out.osparams = merge(fields.osparams, info.osparams);
  return out;
}
