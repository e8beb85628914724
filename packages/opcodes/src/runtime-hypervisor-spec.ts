import type { HypervisorInstanceSpec } from '@corral/contracts';
import { effectiveBeparams, effectiveHvparams, effectiveNicparams, type Cluster, type Instance } from '@corral/model';

/** What the hypervisor needs of an instance: effective be/hv params, disk paths, NICs. */
export function runtimeHypervisorSpec(cluster: Cluster, instance: Instance, diskPaths: readonly string[]): HypervisorInstanceSpec {
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
