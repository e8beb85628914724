import { effectiveNdparams, fillParams, type Cluster, type Instance, type Node, type NodeGroup } from '@corral/model';
import { FieldStatus, FieldTable } from '@corral/query';
import type { ConfigSnapshot } from '@corral/store';

/** One node group as the query sees it. */
export interface GroupRow {
  readonly group: NodeGroup;
  readonly cluster: Cluster;
  readonly nodes: readonly Node[];
  readonly primaries: readonly Instance[];
}

/** The rows of every node group of a snapshot (or the given ones), members and instances in name order. */
export function groupRows(snapshot: ConfigSnapshot, groups: readonly NodeGroup[] = snapshot.list('nodegroup')): GroupRow[] {
  const cluster = snapshot.list('cluster')[0]!;
  const nodes = snapshot.list('node');
  const instances = snapshot.list('instance');
  return groups.map((group) => {
    const members = nodes.filter((n) => n.group === group.uuid);
    const uuids = new Set(members.map((n) => n.uuid));
    return { group, cluster, nodes: members, primaries: instances.filter((i) => uuids.has(i.primary_node)) };
  });
}

const ND = ['cpu_speed', 'exclusive_storage', 'oob_program', 'ovs', 'ovs_link', 'ovs_name', 'spindle_count', 'ssh_port'];

function diskparams(r: GroupRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [template, values] of Object.entries(r.cluster.diskparams)) out[template] = fillParams(values, r.group.diskparams?.[template]);
  return out;
}

/** Ganeti 3.0's node group fields (query resource `group`). */
export const groupFields: FieldTable<GroupRow> = FieldTable.fromGetters<GroupRow>('group', {
  name: (r) => r.group.name,
  alloc_policy: (r) => r.group.alloc_policy,
  node_cnt: (r) => r.nodes.length,
  node_list: (r) => r.nodes.map((n) => n.name),
  pinst_cnt: (r) => r.primaries.length,
  pinst_list: (r) => r.primaries.map((i) => i.name),
  ipolicy: (r) => ({ ...r.cluster.ipolicy, ...r.group.ipolicy }),
  custom_ipolicy: (r) => r.group.ipolicy,
  diskparams,
  custom_diskparams: (r) => r.group.diskparams,
  ndparams: (r) => effectiveNdparams(r.cluster, r.group, { ndparams: {} }),
  custom_ndparams: (r) => r.group.ndparams,
  ...Object.fromEntries(ND.map((k) => [`ndp/${k}`, (r: GroupRow) => effectiveNdparams(r.cluster, r.group, { ndparams: {} })[k] ?? FieldStatus.unavailable])),
  ctime: (r) => r.group.ctime,
  mtime: (r) => r.group.mtime,
  uuid: (r) => r.group.uuid,
  serial_no: (r) => r.group.serial_no,
  tags: (r) => r.group.tags,
});

/** The fields of `/2/groups?bulk=1` and `/2/groups/[g]` (Ganeti 3.0's order). */
export const GROUP_BULK_FIELDS: readonly string[] = [
  'alloc_policy', 'name', 'node_cnt', 'node_list', 'ipolicy', 'custom_ipolicy', 'diskparams', 'custom_diskparams',
  'ndparams', 'custom_ndparams', 'ctime', 'mtime', 'uuid', 'serial_no', 'tags',
];
