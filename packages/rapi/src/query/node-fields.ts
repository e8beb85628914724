import { effectiveNdparams, nodeRoleLetter, type Cluster, type Instance, type Node, type NodeGroup } from '@corral/model';
import type { NodeObservation, NodeObservations } from '@corral/opcodes';
import { FieldStatus, FieldTable } from '@corral/query';
import type { ConfigSnapshot } from '@corral/store';

/** One node as the query sees it: the object, its group, its instances and (when asked) its live data. */
export interface NodeRow {
  readonly node: Node;
  readonly cluster: Cluster;
  readonly group: NodeGroup | undefined;
  readonly primaries: readonly Instance[];
  readonly secondaries: readonly Instance[];
  /** What the node said; undefined when the request needs no live data. */
  readonly live: NodeObservation | undefined;
}

/**
 * The rows of the given nodes (default: all, sorted by name), their
 * instance lists in name order; `observations` undefined when no live
 * field is asked.
 */
export function nodeRows(snapshot: ConfigSnapshot, observations: NodeObservations | undefined, nodes: readonly Node[] = snapshot.list('node')): NodeRow[] {
  const cluster = snapshot.list('cluster')[0]!;
  const primaries = new Map<string, Instance[]>();
  const secondaries = new Map<string, Instance[]>();
  const add = (map: Map<string, Instance[]>, uuid: string, instance: Instance): void => {
    const list = map.get(uuid);
    if (list) list.push(instance);
    else map.set(uuid, [instance]);
  };
  for (const instance of snapshot.list('instance')) {
    add(primaries, instance.primary_node, instance);
    for (const uuid of instance.secondary_nodes) add(secondaries, uuid, instance);
  }
  return nodes.map((node) => ({
    node,
    cluster,
    group: snapshot.get('nodegroup', node.group),
    primaries: primaries.get(node.uuid) ?? [],
    secondaries: secondaries.get(node.uuid) ?? [],
    live: observations?.get(node.uuid),
  }));
}

/** A live figure: offline node -> RS_OFFLINE, no answer -> RS_NODATA (null in listings). */
function live(pick: (l: NodeObservation) => number | null | undefined): (r: NodeRow) => unknown {
  return (r) => {
    if (r.node.offline) return FieldStatus.offline;
    if (!r.live) return FieldStatus.noData;
    return pick(r.live) ?? FieldStatus.noData;
  };
}

const ND = ['cpu_speed', 'exclusive_storage', 'oob_program', 'ovs', 'ovs_link', 'ovs_name', 'spindle_count', 'ssh_port'];

/** Fields that need the nodes asked (the rest come from the configuration). */
export const NODE_LIVE_FIELDS: ReadonlySet<string> = new Set(['mtotal', 'mnode', 'mfree', 'ctotal', 'cnodes', 'csockets', 'dtotal', 'dfree', 'sptotal', 'spfree', 'bootid', 'cnos']);

/** Ganeti 3.0's node fields (query resource `node`), over the model and the node runner. */
export const nodeFields: FieldTable<NodeRow> = FieldTable.fromGetters<NodeRow>('node', {
  name: (r) => r.node.name,
  offline: (r) => r.node.offline,
  master_candidate: (r) => r.node.master_candidate,
  master: (r) => r.node.name === r.cluster.master,
  drained: (r) => r.node.drained,
  master_capable: (r) => r.node.master_capable,
  vm_capable: (r) => r.node.vm_capable,
  powered: (r) => r.node.powered,
  pip: (r) => r.node.primary_ip,
  sip: (r) => r.node.secondary_ip,
  role: (r) => nodeRoleLetter(r.node, r.cluster.master),
  group: (r) => r.group?.name ?? null,
  'group.uuid': (r) => r.node.group,
  ndparams: (r) => effectiveNdparams(r.cluster, r.group, r.node),
  custom_ndparams: (r) => ({ ...r.node.ndparams }),
  ...Object.fromEntries(ND.map((k) => [`ndp/${k}`, (r: NodeRow) => effectiveNdparams(r.cluster, r.group, r.node)[k] ?? FieldStatus.unavailable])),
  pinst_cnt: (r) => r.primaries.length,
  sinst_cnt: (r) => r.secondaries.length,
  pinst_list: (r) => r.primaries.map((i) => i.name),
  sinst_list: (r) => r.secondaries.map((i) => i.name),
  hv_state: () => FieldStatus.unavailable,
  disk_state: () => FieldStatus.unavailable,
  mtotal: live((l) => l.hypervisor?.memory_total),
  mnode: live((l) => l.hypervisor?.memory_dom0),
  mfree: live((l) => l.hypervisor?.memory_free),
  ctotal: live((l) => l.hypervisor?.cpu_total),
  cnodes: live((l) => l.hypervisor?.cpu_nodes),
  csockets: live((l) => l.hypervisor?.cpu_sockets),
  cnos: live((l) => l.hypervisor?.cpu_dom0),
  dtotal: live((l) => l.disk?.total),
  dfree: live((l) => l.disk?.free),
  // Spindles are only counted with exclusive storage (LVM), which Corral's nodes do not use: no data, as in Ganeti.
  sptotal: live(() => undefined),
  spfree: live(() => undefined),
  // The node runner does not report a boot id yet.
  bootid: live(() => undefined),
  ctime: (r) => r.node.ctime,
  mtime: (r) => r.node.mtime,
  uuid: (r) => r.node.uuid,
  serial_no: (r) => r.node.serial_no,
  tags: (r) => r.node.tags,
});

/** The fields of `/2/nodes?bulk=1` and `/2/nodes/[n]` (Ganeti 3.0's order); a single GET adds `secondary_ip`. */
export const NODE_BULK_FIELDS: readonly string[] = [
  'name', 'offline', 'master_candidate', 'drained', 'dtotal', 'dfree', 'sptotal', 'spfree', 'mtotal', 'mnode', 'mfree',
  'pinst_cnt', 'sinst_cnt', 'ctotal', 'cnos', 'cnodes', 'csockets', 'pip', 'sip', 'role', 'pinst_list', 'sinst_list',
  'master_capable', 'vm_capable', 'ndparams', 'group.uuid', 'ctime', 'mtime', 'uuid', 'serial_no', 'tags',
];
