import {
  defaultBeparams,
  defaultDiskparams,
  defaultHvparams,
  defaultNdparams,
  defaultNicparams,
  GanetiError,
  type Cluster,
  type ParamDict,
} from '@corral/model';
import { checkIpolicy } from './check-ipolicy';
import { requireCluster } from './config-lookup';
import type { OpcodeDefinition, OpInput } from './opcode-definition';
import { ht, type ParamSpec } from './param-spec';
import { checkNestedParamKeys, checkParamKeys, updatedNestedParams, updatedParams } from './updated-params';

/** Ganeti 3.0's hypervisor and disk template names. */
const HYPERVISORS = ['chroot', 'fake', 'kvm', 'lxc', 'xen-hvm', 'xen-pvm'];
const DISK_TEMPLATES = ['blockdev', 'diskless', 'drbd', 'ext', 'file', 'gluster', 'plain', 'rbd', 'sharedfile'];
const MAC_PREFIX = /^[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$/i;

const maybeDict = { check: ht.maybe(ht.dict), default: null };
const maybeString = { check: ht.maybe(ht.string), default: null };
const maybeBool = { check: ht.maybe(ht.bool), default: null };
const osList = ht.maybe(ht.listOf((e) => Array.isArray(e) && e.length === 2 && ht.oneOf('add', 'remove')(e[0]) && ht.nonEmptyString(e[1])));

/** Simple cluster fields the opcode sets as given (opcode name -> cluster field). */
const PLAIN_FIELDS: Record<string, keyof Cluster> = {
  vg_name: 'volume_group_name',
  candidate_pool_size: 'candidate_pool_size',
  max_running_jobs: 'max_running_jobs',
  max_tracked_jobs: 'max_tracked_jobs',
  maintain_node_health: 'maintain_node_health',
  prealloc_wipe_disks: 'prealloc_wipe_disks',
  drbd_helper: 'drbd_usermode_helper',
  default_iallocator: 'default_iallocator',
  default_iallocator_params: 'default_iallocator_params',
  mac_prefix: 'mac_prefix',
  master_netdev: 'master_netdev',
  master_netmask: 'master_netmask',
  reserved_lvs: 'reserved_lvs',
  use_external_mip_script: 'use_external_mip_script',
  file_storage_dir: 'file_storage_dir',
  shared_file_storage_dir: 'shared_file_storage_dir',
  gluster_storage_dir: 'gluster_storage_dir',
  install_image: 'install_image',
  instance_communication_network: 'instance_communication_network',
  zeroing_image: 'zeroing_image',
  compression_tools: 'compression_tools',
  enabled_user_shutdown: 'enabled_user_shutdown',
  uid_pool: 'uid_pool',
};

const params: ParamSpec[] = [
  { name: 'force', check: ht.bool, default: false },
  { name: 'hv_state', ...maybeDict },
  { name: 'disk_state', ...maybeDict },
  { name: 'vg_name', ...maybeString },
  { name: 'enabled_hypervisors', check: ht.maybe(ht.listOf(ht.nonEmptyString)), default: null },
  { name: 'hvparams', ...maybeDict },
  { name: 'beparams', ...maybeDict },
  { name: 'os_hvp', ...maybeDict },
  { name: 'osparams', ...maybeDict },
  { name: 'osparams_private_cluster', ...maybeDict },
  { name: 'diskparams', ...maybeDict },
  { name: 'candidate_pool_size', check: ht.maybe((v) => ht.int(v) && (v as number) >= 1), default: null },
  { name: 'max_running_jobs', check: ht.maybe((v) => ht.int(v) && (v as number) >= 1), default: null },
  { name: 'max_tracked_jobs', check: ht.maybe((v) => ht.int(v) && (v as number) >= 1), default: null },
  { name: 'uid_pool', check: ht.maybe(ht.list), default: null },
  { name: 'add_uids', check: ht.maybe(ht.list), default: null },
  { name: 'remove_uids', check: ht.maybe(ht.list), default: null },
  { name: 'maintain_node_health', ...maybeBool },
  { name: 'prealloc_wipe_disks', ...maybeBool },
  { name: 'nicparams', ...maybeDict },
  { name: 'ndparams', ...maybeDict },
  { name: 'ipolicy', ...maybeDict },
  { name: 'drbd_helper', ...maybeString },
  { name: 'default_iallocator', ...maybeString },
  { name: 'default_iallocator_params', ...maybeDict },
  { name: 'mac_prefix', ...maybeString },
  { name: 'master_netdev', ...maybeString },
  { name: 'master_netmask', check: ht.maybe((v) => ht.int(v) && (v as number) >= 0 && (v as number) <= 128), default: null },
  { name: 'reserved_lvs', check: ht.maybe(ht.listOf(ht.string)), default: null },
  { name: 'hidden_os', check: osList, default: null },
  { name: 'blacklisted_os', check: osList, default: null },
  { name: 'use_external_mip_script', ...maybeBool },
  { name: 'enabled_disk_templates', check: ht.maybe(ht.listOf(ht.nonEmptyString)), default: null },
  { name: 'modify_etc_hosts', ...maybeBool },
  { name: 'file_storage_dir', ...maybeString },
  { name: 'shared_file_storage_dir', ...maybeString },
  { name: 'gluster_storage_dir', ...maybeString },
  { name: 'install_image', ...maybeString },
  { name: 'instance_communication_network', ...maybeString },
  { name: 'zeroing_image', ...maybeString },
  { name: 'compression_tools', check: ht.maybe(ht.listOf(ht.nonEmptyString)), default: null },
  { name: 'enabled_user_shutdown', ...maybeBool },
  { name: 'enabled_data_collectors', check: ht.maybe(ht.dict), default: null },
  { name: 'data_collector_interval', check: ht.maybe(ht.dict), default: null },
];

function checkLists(op: OpInput, cluster: Cluster, instanceTemplates: Set<string>): void {
  const hvs = op.enabled_hypervisors as string[] | null;
  if (hvs !== null) {
    if (hvs.length === 0) throw GanetiError.prereq('Enabled hypervisors list must contain at least one member', 'wrong_input');
    const invalid = hvs.filter((h) => !HYPERVISORS.includes(h));
    if (invalid.length > 0) throw GanetiError.prereq(`Enabled hypervisors contains invalid entries: ${invalid.join(', ')}`, 'wrong_input');
  }
  const templates = op.enabled_disk_templates as string[] | null;
  if (templates !== null) {
    if (templates.length === 0) throw GanetiError.prereq('Enabled disk templates list must contain at least one member', 'wrong_input');
    const invalid = templates.filter((t) => !DISK_TEMPLATES.includes(t));
    if (invalid.length > 0) throw GanetiError.prereq(`Enabled disk templates list contains invalid entries: ${invalid.join(', ')}`, 'wrong_input');
    for (const used of instanceTemplates) {
      if (!templates.includes(used) && cluster.enabled_disk_templates.includes(used)) {
        throw GanetiError.prereq(`Cannot disable disk template '${used}', because there is at least one instance using it.`, 'wrong_state');
      }
    }
  }
  if (op.mac_prefix !== null && !MAC_PREFIX.test(op.mac_prefix as string)) {
    throw GanetiError.prereq(`Invalid MAC prefix given '${String(op.mac_prefix)}'`, 'wrong_input');
  }
}

function checkParamDicts(op: OpInput): void {
  if (op.beparams !== null) checkParamKeys(op.beparams as ParamDict, defaultBeparams);
  if (op.nicparams !== null) checkParamKeys(op.nicparams as ParamDict, defaultNicparams);
  if (op.ndparams !== null) checkParamKeys(op.ndparams as ParamDict, defaultNdparams);
  if (op.hvparams !== null) checkNestedParamKeys(op.hvparams as ParamDict, defaultHvparams, 'hypervisor');
  if (op.diskparams !== null) checkNestedParamKeys(op.diskparams as ParamDict, defaultDiskparams, 'disk template');
  if (op.ipolicy !== null) checkIpolicy(op.ipolicy as ParamDict);
}

function applyOsList(current: readonly string[], changes: [string, string][]): string[] {
  const result = [...current];
  for (const [action, os] of changes) {
    const at = result.indexOf(os);
    if (action === 'add' && at < 0) result.push(os);
    if (action === 'remove' && at >= 0) result.splice(at, 1);
  }
  return result;
}

/**
 * OP_CLUSTER_SET_PARAMS (`gnt-cluster modify`, `PUT /2/modify`): changes
 * the cluster's parameters. Parameter dictionaries are checked against the
 * known keys and merged (`"default"` drops an override); enabling lists are
 * checked against Ganeti's names, and a disk template still in use cannot
 * be disabled.
 */
export const clusterSetParamsOpcode: OpcodeDefinition = {
  id: 'OP_CLUSTER_SET_PARAMS',
  touchesNodes: false,
  params,
  locks: () => [{ level: 'cluster', name: 'cluster', mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    const cluster = requireCluster(ctx.snapshot);
    checkLists(op, cluster, new Set(ctx.snapshot.list('instance').map((i) => i.disk_template)));
    checkParamDicts(op);
  },
  async exec(op, ctx) {
    let c: Cluster = requireCluster(ctx.snapshot);
    const set = (patch: Partial<Cluster>): void => {
      c = { ...c, ...patch };
    };
    for (const [opField, field] of Object.entries(PLAIN_FIELDS)) if (op[opField] !== null) set({ [field]: op[opField] } as Partial<Cluster>);
    const hvs = op.enabled_hypervisors as string[] | null;
    if (hvs !== null) set({ enabled_hypervisors: hvs, default_hypervisor: hvs[0]! });
    if (op.enabled_disk_templates !== null) set({ enabled_disk_templates: op.enabled_disk_templates as string[] });
    if (op.beparams !== null) set({ beparams: { ...c.beparams, default: updatedParams(c.beparams.default ?? {}, op.beparams as ParamDict) } });
    if (op.nicparams !== null) set({ nicparams: { ...c.nicparams, default: updatedParams(c.nicparams.default ?? {}, op.nicparams as ParamDict) } });
    if (op.ndparams !== null) set({ ndparams: updatedParams(c.ndparams, op.ndparams as ParamDict) });
    if (op.hvparams !== null) set({ hvparams: updatedNestedParams(c.hvparams, op.hvparams as ParamDict) });
    if (op.diskparams !== null) set({ diskparams: updatedNestedParams(c.diskparams, op.diskparams as ParamDict) });
    if (op.osparams !== null) set({ osparams: updatedNestedParams(c.osparams, op.osparams as ParamDict) });
    if (op.os_hvp !== null) {
      const osHvp = { ...c.os_hvp };
      for (const [os, hvp] of Object.entries(op.os_hvp as Record<string, ParamDict>)) osHvp[os] = updatedNestedParams(osHvp[os] ?? {}, hvp);
      set({ os_hvp: osHvp });
    }
    if (op.ipolicy !== null) set({ ipolicy: { ...c.ipolicy, ...(op.ipolicy as Partial<Cluster['ipolicy']>) } });
    if (op.hidden_os !== null) set({ hidden_os: applyOsList(c.hidden_os, op.hidden_os as [string, string][]) });
    if (op.blacklisted_os !== null) set({ blacklisted_os: applyOsList(c.blacklisted_os, op.blacklisted_os as [string, string][]) });
    if (op.enabled_data_collectors !== null) set({ enabled_data_collectors: { ...c.enabled_data_collectors, ...(op.enabled_data_collectors as Record<string, boolean>) } });
    if (op.data_collector_interval !== null) set({ data_collector_interval: { ...c.data_collector_interval, ...(op.data_collector_interval as Record<string, number>) } });
    return { result: null, changes: { put: [{ kind: 'cluster', object: c }] } };
  },
};
