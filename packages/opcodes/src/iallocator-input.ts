import type { IallocatorInput, IallocatorInstance, IallocatorIpolicy, IallocatorNode, IallocatorRequest } from '@corral/contracts';
import { effectiveBeparams, effectiveNdparams, effectiveNicparams, type InstancePolicy } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import type { NodeFigures } from './node-figures';

function policy(cluster: InstancePolicy, own: Partial<InstancePolicy> = {}): IallocatorIpolicy {
  const p = { ...cluster, ...own };
  return { minmax: p.minmax, std: p.std, 'disk-templates': p['disk-templates'], 'vcpu-ratio': p['vcpu-ratio'], 'spindle-ratio': p['spindle-ratio'] };
}

/**
 * Ganeti's iallocator protocol-v2 input document (ganeti-facts §5.2–5.5),
 * built from a configuration snapshot and the nodes' dynamic figures (by
 * node name). Pure, so every allocator-using opcode (create, multi-allocate,
 * node-evacuate, relocate, change-group) shares it. Nodes without figures
 * (offline, drained, not vm_capable or silent) get only static fields.
 */
export function buildIallocatorInput(snapshot: ConfigSnapshot, figures: ReadonlyMap<string, NodeFigures>, request: IallocatorRequest): IallocatorInput {
  const cluster = snapshot.list('cluster')[0]!;
  const instances = snapshot.list('instance');
  const nodegroups: Record<string, IallocatorInput['nodegroups'][string]> = {};
  for (const g of snapshot.list('nodegroup')) {
    nodegroups[g.uuid] = { name: g.name, alloc_policy: g.alloc_policy, networks: Object.keys(g.networks ?? {}), ipolicy: policy(cluster.ipolicy, g.ipolicy), tags: [...g.tags] };
  }
  const nodes: Record<string, IallocatorNode> = {};
  for (const n of snapshot.list('node')) {
    const group = snapshot.get('nodegroup', n.group);
    const nd = effectiveNdparams(cluster, group, n);
    const entry: IallocatorNode = {
      tags: [...n.tags],
      primary_ip: n.primary_ip,
      secondary_ip: n.secondary_ip,
      offline: n.offline,
      drained: n.drained,
      master_candidate: n.master_candidate,
      group: n.group,
      master_capable: n.master_capable,
      vm_capable: n.vm_capable,
      ndparams: nd,
    };
    const f = figures.get(n.name);
    if (f && !n.offline && !n.drained && n.vm_capable) {
      let priMemory = 0;
      let priUpMemory = 0;
      let reservedForInstances = 0;
      for (const i of instances) {
        if (i.primary_node !== n.uuid) continue;
        const mem = Number(effectiveBeparams(cluster, i).maxmem);
        priMemory += mem;
        if (i.admin_state === 'up') {
          priUpMemory += mem;
          reservedForInstances += mem;
        }
      }
      const spindles = Number(nd.spindle_count ?? 1);
      Object.assign(entry, {
        total_memory: f.total_memory,
        reserved_memory: f.reserved_memory,
        free_memory: Math.max(0, Math.min(f.free_memory, f.total_memory - f.reserved_memory - reservedForInstances)),
        total_disk: f.total_disk,
        free_disk: f.free_disk,
        total_spindles: spindles,
        free_spindles: spindles,
        total_cpus: f.total_cpus,
        reserved_cpus: f.reserved_cpus,
        i_pri_memory: priMemory,
        i_pri_up_memory: priUpMemory,
      });
    }
    nodes[n.name] = entry;
  }
  const instanceEntries: Record<string, IallocatorInstance> = {};
  for (const i of instances) {
    const be = effectiveBeparams(cluster, i);
    const nodeName = (uuid: string): string => snapshot.get('node', uuid)?.name ?? uuid;
    instanceEntries[i.name] = {
      tags: [...i.tags],
      admin_state: i.admin_state,
      vcpus: Number(be.vcpus),
      memory: Number(be.maxmem),
      spindle_use: Number(be.spindle_use),
      os: i.os,
      nodes: [nodeName(i.primary_node), ...i.secondary_nodes.map(nodeName)],
      disk_template: i.disk_template,
      disks_active: i.admin_state === 'up',
      hypervisor: i.hypervisor,
      disk_space_total: i.disks.reduce((s, d) => s + d.size, 0),
      nics: i.nics.map((nic) => {
        const p = effectiveNicparams(cluster, nic);
        const base = { mac: nic.mac, ip: nic.ip, mode: String(p.mode), link: String(p.link) };
        return p.mode === 'bridged' ? { ...base, bridge: String(p.link) } : base;
      }),
      disks: i.disks.map((d) => ({ size: d.size, mode: d.mode, spindles: d.spindles, dev_type: d.dev_type })),
    };
  }
  return {
    version: 2,
    cluster_name: cluster.name,
    cluster_tags: [...cluster.tags],
    enabled_hypervisors: [...cluster.enabled_hypervisors],
    ipolicy: policy(cluster.ipolicy),
    nodegroups,
    nodes,
    instances: instanceEntries,
    request,
  };
}
