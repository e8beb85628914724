import type { HypervisorInstanceSpec, OsInstanceSpec } from '@corral/contracts';
import { effectiveBeparams, effectiveHvparams, effectiveNicparams, effectiveOsparams, fillParams, type Cluster, type Instance } from '@corral/model';

/** The path a disk's logical_id records (`[driver, path]` for file disks, `[vg, lv]` for LVM). */
export function diskPath(disk: Instance['disks'][number]): string {
  const id = disk.logical_id;
  if (disk.dev_type === 'plain') return `/dev/${String(id[0])}/${String(id[1])}`;
  return String(id[1] ?? id[0] ?? '');
}

/**
 * The instance as a hypervisor sees it: effective parameters, disk paths,
 * NIC settings. The paths default to those the disks' logical_id records;
 * callers that asked the storage for them pass them.
 */
export function instanceHypervisorSpec(
  cluster: Cluster,
  instance: Instance,
  diskPaths: readonly string[] = instance.disks.map(diskPath),
): HypervisorInstanceSpec {
  const be = effectiveBeparams(cluster, instance);
  return {
    name: instance.name,
    uuid: instance.uuid,
    memory: Number(be.maxmem),
    minMemory: Number(be.minmem),
    vcpus: Number(be.vcpus),
    hvparams: effectiveHvparams(cluster, instance),
    disks: instance.disks.map((d, i) => ({ path: diskPaths[i] ?? '', mode: d.mode })),
    nics: instance.nics.map((n) => {
      const p = effectiveNicparams(cluster, n);
      return { mac: n.mac, ip: n.ip, mode: String(p.mode), link: String(p.link) };
    }),
  };
}

/** The instance as an OS script sees it (secrets included: the script needs them, the job never shows them). */
export function instanceOsSpec(cluster: Cluster, instance: Instance, primaryNode: string): OsInstanceSpec {
  return {
    name: instance.name,
    os: instance.os,
    hypervisor: instance.hypervisor,
    osparams: fillParams(effectiveOsparams(cluster, instance), instance.osparams_private),
    hvparams: effectiveHvparams(cluster, instance),
    beparams: effectiveBeparams(cluster, instance),
    diskTemplate: instance.disk_template,
    disks: instance.disks.map((d) => ({ path: diskPath(d), mode: d.mode, size: d.size, uuid: d.uuid, name: d.name ?? undefined })),
    nics: instance.nics.map((n) => {
      const p = effectiveNicparams(cluster, n);
      return { mac: n.mac, ip: n.ip, mode: String(p.mode), link: String(p.link), uuid: n.uuid, name: n.name ?? undefined };
    }),
    primaryNode,
  };
}
