import type { OsInstanceSpec } from '@corral/contracts';
import { effectiveBeparams, effectiveHvparams, effectiveNicparams, effectiveOsparams, type Cluster, type Instance } from '@corral/model';

/** The OS environment of an instance (Ganeti's OS script variables) with its disk paths. */
export function runtimeOsSpec(cluster: Cluster, instance: Instance, diskPaths: readonly string[], primaryNode: string): OsInstanceSpec {
  return {
    name: instance.name,
    os: instance.os,
    hypervisor: instance.hypervisor,
    osparams: effectiveOsparams(cluster, instance),
    hvparams: effectiveHvparams(cluster, instance),
    beparams: effectiveBeparams(cluster, instance),
    diskTemplate: instance.disk_template,
    disks: instance.disks.map((d, i) => ({ path: diskPaths[i] ?? '', mode: d.mode, size: d.size, uuid: d.uuid, name: d.name ?? undefined })),
    nics: instance.nics.map((n) => {
      const p = effectiveNicparams(cluster, n);
      return { mac: n.mac, ip: n.ip, mode: String(p.mode), link: String(p.link), uuid: n.uuid, name: n.name ?? undefined };
    }),
    primaryNode,
  };
}
