import { effectiveNdparams, nodeRoleLetter, type Cluster, type Instance, type Node, type NodeGroup } from '@corral/model';
import { FieldStatus, FieldTable } from '@corral/query';
import type { LiveNodeData } from './live-node-data';

/** One node as the query sees it: the object, its group, its instances and (when asked) its live data. */
export interface NodeRow {
  readonly node: Node;
  readonly cluster: Cluster;
  readonly group: NodeGroup | undefined;
  readonly primaries: readonly Instance[];
  readonly secondaries: readonly Instance[];
  readonly live: LiveNodeData | undefined;
}

/** A live figure: offline node -> RS_OFFLINE, no answer -> RS_NODATA. */
function live(pick: (l: LiveNodeData) => unknown): (r: NodeRow) => unknown {
  return (r) => {
    if (r.node.offline) return FieldStatus.offline;
    if (!r.live || r.live.failed) return FieldStatus.noData;
    const value = pick(r.live);
    return value === undefined ? FieldStatus.noData : value;
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
  mtotal: live((l) => l.info?.memory_total),
  mnode: live((l) => l.info?.memory_dom0),
  mfree: live((l) => l.info?.memory_free),
  ctotal: live((l) => l.info?.cpu_total),
  cnodes: live((l) => l.info?.cpu_nodes),
  csockets: live((l) => l.info?.cpu_sockets),
  cnos: live((l) => l.info?.cpu_dom0),
  dtotal: live((l) => l.storage?.size),
  dfree: live((l) => l.storage?.free),
  // Spindles are only counted with exclusive storage (LVM), which Corral's nodes do not use: no data, as in Ganeti.
  sptotal: live(() => undefined),
  spfree: live(() => undefined),
  // The node runner does not report a boot id yet.
  bootid: live(() => undefined),
  ctime: (r) => r.node.ctime,
  mtime: (r) => r.node.mtime,
  uuid: (r) => r.node.uuid,
  serial_no: (r) => r.node.serial_no,
  tags: (r) => [...r.node.tags],
});

/** The fields of `/2/nodes?bulk=1` and `/2/nodes/[n]` (Ganeti 3.0's order); a single GET adds `secondary_ip`. */
export const NODE_BULK_FIELDS: readonly string[] = [
  'name', 'offline', 'master_candidate', 'drained', 'dtotal', 'dfree', 'sptotal', 'spfree', 'mtotal', 'mnode', 'mfree',
  'pinst_cnt', 'sinst_cnt', 'ctotal', 'cnos', 'cnodes', 'csockets', 'pip', 'sip', 'role', 'pinst_list', 'sinst_list',
  'master_capable', 'vm_capable', 'ndparams', 'group.uuid', 'ctime', 'mtime', 'uuid', 'serial_no', 'tags',
];
