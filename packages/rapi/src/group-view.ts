import { fillParams, type Cluster, type NodeGroup, type ParamDict } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';

/** Ganeti's FillIPolicy: the cluster policy with the group's own keys replacing the cluster's. */
export function effectiveIpolicy(cluster: Cluster, group: NodeGroup): Record<string, unknown> {
  return { ...cluster.ipolicy, ...group.ipolicy };
}

function effectiveDiskparams(cluster: Cluster, group: NodeGroup): Record<string, ParamDict> {
  const result: Record<string, ParamDict> = {};
  for (const template of Object.keys(cluster.diskparams)) result[template] = fillParams(cluster.diskparams[template], group.diskparams[template]);
  return result;
}

/** A node group as `/2/groups?bulk=1` shows it: Ganeti 3.0's fields in its key order. */
export function groupView(snapshot: ConfigSnapshot, cluster: Cluster, group: NodeGroup): Record<string, unknown> {
  const members = snapshot
    .list('node')
    .filter((n) => n.group === group.uuid)
    .map((n) => n.name)
    .sort();
  return {
    alloc_policy: group.alloc_policy,
    name: group.name,
    node_cnt: members.length,
    node_list: members,
    ipolicy: effectiveIpolicy(cluster, group),
    custom_ipolicy: group.ipolicy,
    diskparams: effectiveDiskparams(cluster, group),
    custom_diskparams: group.diskparams,
    ndparams: fillParams(cluster.ndparams, group.ndparams),
    custom_ndparams: group.ndparams,
    ctime: group.ctime,
    mtime: group.mtime,
    uuid: group.uuid,
    serial_no: group.serial_no,
    tags: group.tags,
  };
}
