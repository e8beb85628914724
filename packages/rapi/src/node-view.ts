import { effectiveNdparams, nodeRoleLetter, type Cluster, type Node } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import type { NodeFigures } from './node-figures';

/**
 * A node as `/2/nodes?bulk=1` shows it: Ganeti 3.0's fields in its key
 * order, the role as a letter, instance lists from the configuration and
 * the live figures. A single node adds `secondary_ip`.
 */
export function nodeView(snapshot: ConfigSnapshot, cluster: Cluster, node: Node, figures: NodeFigures, single = false): Record<string, unknown> {
  const pinst: string[] = [];
  const sinst: string[] = [];
  for (const instance of snapshot.list('instance')) {
    if (instance.primary_node === node.uuid) pinst.push(instance.name);
    if (instance.secondary_nodes.includes(node.uuid)) sinst.push(instance.name);
  }
  const view: Record<string, unknown> = {
    name: node.name,
    offline: node.offline,
    master_candidate: node.master_candidate,
    drained: node.drained,
    dtotal: figures.dtotal,
    dfree: figures.dfree,
    sptotal: figures.sptotal,
    spfree: figures.spfree,
    mtotal: figures.mtotal,
    mnode: figures.mnode,
    mfree: figures.mfree,
    pinst_cnt: pinst.length,
    sinst_cnt: sinst.length,
    ctotal: figures.ctotal,
    cnos: figures.cnos,
    cnodes: figures.cnodes,
    csockets: figures.csockets,
    pip: node.primary_ip,
    sip: node.secondary_ip,
    role: nodeRoleLetter(node, cluster.master),
    pinst_list: pinst.sort(),
    sinst_list: sinst.sort(),
    master_capable: node.master_capable,
    vm_capable: node.vm_capable,
    ndparams: effectiveNdparams(cluster, snapshot.get('nodegroup', node.group), node),
    'group.uuid': node.group,
    ctime: node.ctime,
    mtime: node.mtime,
    uuid: node.uuid,
    serial_no: node.serial_no,
    tags: node.tags,
  };
  if (single) view.secondary_ip = node.secondary_ip;
  return view;
}
