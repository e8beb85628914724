import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { GanetiError, type Node } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import { EXPORT_CONF_FILE, EXPORT_VERSION, parseExportConfig } from './export-config';
import { lookupNode } from './lookup-instance';

/** Where a local node keeps its exports: `<node_dir>/export/<instance>/`. */
export function nodeExportDir(node: Pick<Node, 'node_dir'>): string {
  return join(node.node_dir, 'export');
}

/** One disk of an export: its size, name and the image file to copy into the new disk. */
export interface ExportedDisk {
  readonly size: number;
  readonly name: string | null;
  readonly image: string;
}

/** One NIC of an export, as the create opcode's `nics` entries take them. */
export interface ExportedNic {
  readonly mac: string;
  readonly ip: string | null;
  readonly name: string | null;
  readonly network: string | null;
  readonly mode?: string;
  readonly link?: string;
  readonly vlan?: string;
}

/**
 * What an import takes from an export (Ganeti's _ReadExportParams): the
 * create opcode uses these as defaults for the parameters the request did
 * not give, and copies `disks[i].image` into the new disk i.
 */
export interface ExportInfo {
  readonly srcNode: string;
  readonly srcPath: string;
  readonly name: string;
  readonly os: string;
  readonly hypervisor: string | null;
  readonly diskTemplate: string | null;
  readonly disks: ExportedDisk[];
  readonly nics: ExportedNic[];
  readonly tags: string[];
  readonly hvparams: Record<string, string>;
  readonly beparams: Record<string, string>;
  readonly osparams: Record<string, string>;
}

const none = (v: string | undefined): string | null => (v === undefined || v === 'None' || v === '' ? null : v);

/**
 * Reads an export for `mode: import`: `srcPath` absolute (on `srcNode`), or
 * relative (the exported instance's name) searched on `srcNode` or, when
 * null, on every node. No export is wrong_input; a wrong export version is
 * environment_error, as in Ganeti.
 */
export function readExport(snapshot: ConfigSnapshot, srcNode: string | null, srcPath: string): ExportInfo {
  const nodes = srcNode !== null ? [lookupNode(snapshot, srcNode)] : snapshot.list('node');
  let found: { node: Node; dir: string } | undefined;
  if (isAbsolute(srcPath)) {
    if (srcNode === null) throw GanetiError.prereq('An absolute source path needs a source node', 'wrong_input');
    if (!existsSync(join(srcPath, EXPORT_CONF_FILE))) throw GanetiError.prereq(`No export or invalid export found in dir ${srcPath}`, 'wrong_input');
    found = { node: nodes[0]!, dir: srcPath };
  } else {
    for (const node of nodes) {
      const dir = join(nodeExportDir(node), srcPath);
      if (!srcPath.includes('/') && existsSync(join(dir, EXPORT_CONF_FILE))) {
        found = { node, dir };
        break;
      }
    }
    if (!found) throw GanetiError.prereq(`No export found for relative path ${srcPath}`, 'wrong_input');
  }
  const config = parseExportConfig(readFileSync(join(found.dir, EXPORT_CONF_FILE), 'utf8'));
  const exp = config.get('export');
  const ins = config.get('instance') ?? new Map<string, string>();
  if (!exp) throw GanetiError.prereq('Corrupted export config', 'environment_error');
  const version = exp.get('version');
  if (Number(version) !== EXPORT_VERSION) throw GanetiError.prereq(`Wrong export version ${String(version)} (wanted ${EXPORT_VERSION})`, 'environment_error');
  const disks: ExportedDisk[] = [];
  for (let i = 0; ins.has(`disk${i}_size`); i++) {
    disks.push({ size: Number(ins.get(`disk${i}_size`)), name: none(ins.get(`disk${i}_name`)), image: join(found.dir, ins.get(`disk${i}_dump`) ?? `disk${i}`) });
  }
  const nics: ExportedNic[] = [];
  for (let i = 0; ins.has(`nic${i}_mac`); i++) {
    const network = none(ins.get(`nic${i}_network`));
    const nic: ExportedNic = { mac: ins.get(`nic${i}_mac`)!, ip: none(ins.get(`nic${i}_ip`)), name: none(ins.get(`nic${i}_name`)), network };
    nics.push(network ? nic : { ...nic, mode: ins.get(`nic${i}_mode`), link: ins.get(`nic${i}_link`), vlan: ins.get(`nic${i}_vlan`) });
  }
  const section = (name: string): Record<string, string> => Object.fromEntries(config.get(name) ?? []);
  const beparams = section('backend');
  if (config.get('backend') === undefined) for (const key of ['maxmem', 'minmem', 'vcpus']) if (ins.has(key)) beparams[key] = ins.get(key)!;
  return {
    srcNode: found.node.name,
    srcPath: found.dir,
    name: ins.get('name') ?? srcPath,
    os: exp.get('os') ?? '',
    hypervisor: ins.get('hypervisor') ?? null,
    diskTemplate: ins.get('disk_template') ?? null,
    disks,
    nics,
    tags: (ins.get('tags') ?? '').split(/\s+/).filter((t) => t !== ''),
    hvparams: section('hypervisor'),
    beparams,
    osparams: section('os'),
  };
}
