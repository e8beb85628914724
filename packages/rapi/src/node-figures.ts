import type { NodeRunner } from '@corral/contracts';
import { diskTemplateStorageType, type Cluster, type Node } from '@corral/model';

/** The live figures of a node listing; null where the node could not answer. */
export interface NodeFigures {
  readonly dtotal: number | null;
  readonly dfree: number | null;
  readonly sptotal: number | null;
  readonly spfree: number | null;
  readonly mtotal: number | null;
  readonly mnode: number | null;
  readonly mfree: number | null;
  readonly ctotal: number | null;
  readonly cnos: number | null;
  readonly cnodes: number | null;
  readonly csockets: number | null;
}

const UNKNOWN: NodeFigures = {
  dtotal: null,
  dfree: null,
  sptotal: null,
  spfree: null,
  mtotal: null,
  mnode: null,
  mfree: null,
  ctotal: null,
  cnos: null,
  cnodes: null,
  csockets: null,
};

async function diskFigures(runner: NodeRunner, cluster: Cluster, node: Node): Promise<Pick<NodeFigures, 'dtotal' | 'dfree'>> {
  const type = cluster.enabled_disk_templates.map(diskTemplateStorageType).find((t) => t !== null);
  if (!type) return { dtotal: null, dfree: null };
  try {
    let units = await runner.on(node).storage(type).listUnits();
    if (type === 'lvm-vg' && cluster.volume_group_name) units = units.filter((u) => u.name === cluster.volume_group_name);
    if (units.length === 0) return { dtotal: null, dfree: null };
    return { dtotal: units.reduce((s, u) => s + u.size, 0), dfree: units.reduce((s, u) => s + u.free, 0) };
  } catch {
    return { dtotal: null, dfree: null };
  }
}

/**
 * Asks one node, through the node runner, for its memory and CPUs (the
 * cluster's default hypervisor) and its disk space (the storage type of the
 * first enabled disk template). An offline node is not asked; a node that
 * fails to answer gives nulls, never a failed listing.
 */
export async function nodeFigures(runner: NodeRunner, cluster: Cluster, node: Node): Promise<NodeFigures> {
  if (node.offline) return UNKNOWN;
  const disk = await diskFigures(runner, cluster, node);
  try {
    const hv = await runner.on(node).hypervisor(cluster.default_hypervisor).getNodeInfo(cluster.hvparams[cluster.default_hypervisor]);
    return {
      ...disk,
      sptotal: null,
      spfree: null,
      mtotal: hv.memory_total,
      mnode: hv.memory_dom0,
      mfree: hv.memory_free,
      ctotal: hv.cpu_total,
      cnos: hv.cpu_dom0,
      cnodes: hv.cpu_nodes,
      csockets: hv.cpu_sockets,
    };
  } catch {
    return { ...UNKNOWN, ...disk };
  }
}
