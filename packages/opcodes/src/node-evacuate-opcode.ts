import { GanetiError, type Node } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import { requireCluster, requireNode } from './config-lookup';
import type { FollowUpOpcode } from './op-context';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/** Ganeti's node evacuation modes. */
export const nodeEvacModes = ['all', 'primary-only', 'secondary-only'] as const;

/** Ganeti's DTS_INT_MIRROR and DTS_EXT_MIRROR: how an instance's primary can leave its node. */
const INTERNALLY_MIRRORED = ['drbd'];
const EXTERNALLY_MIRRORED = ['diskless', 'sharedfile', 'blockdev', 'rbd', 'ext', 'gluster'];
/** Templates whose primary Corral moves to a node it chooses (externally mirrored ones it can drive, and `file`, whose disks are copied). */
const MOVED_TO_CHOSEN_NODE = ['diskless', 'sharedfile', 'file'];

/** The evacuation target of a non-DRBD primary: the first usable node of the group other than the evacuated one. */
function evacuationTarget(snapshot: ConfigSnapshot, node: Node): Node | undefined {
  return snapshot
    .list('node')
    .filter((n) => n.uuid !== node.uuid && n.group === node.group && n.vm_capable && !n.offline && !n.drained)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
}

/**
 * OP_NODE_EVACUATE: moves instances off a node by submitting one job per
 * instance (Ganeti's `node-evac-res1`: the result is
 * `{"jobs": [[true, job_id] | [false, message]...]}`). Primaries of DRBD
 * instances are migrated (failover allowed) to their secondary; primaries
 * of `diskless`, `sharedfile` and `file` instances are migrated (failover
 * allowed) to a target chosen here: the first online, undrained,
 * vm-capable node of the same group (by name), so that the follow-up jobs
 * never depend on an allocator that cannot relocate such instances.
 * Secondaries get a new secondary (OP_INSTANCE_REPLACE_DISKS,
 * `replace_new_secondary`) chosen by the iallocator or given as
 * `remote_node`. Other primaries (`plain`) cannot be moved: a warning in the
 * job log, as hail reports.
 */
export const nodeEvacuateOpcode: OpcodeDefinition = {
  id: 'OP_NODE_EVACUATE',
  touchesNodes: false,
  summaryField: 'node_name',
  params: [
    { name: 'early_release', check: ht.bool, default: false },
    { name: 'node_name', check: ht.nonEmptyString },
    { name: 'remote_node', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'iallocator', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'mode', check: ht.oneOf(...nodeEvacModes) },
    { name: 'ignore_soft_errors', check: ht.maybe(ht.bool), default: null },
  ],
  locks: () => [{ level: 'cluster', name: 'cluster', mode: 'shared' }],
  checkPrereq(op, ctx) {
    const cluster = requireCluster(ctx.snapshot);
    const node = requireNode(ctx.snapshot, op.node_name as string);
    if (op.remote_node !== null && op.iallocator !== null) {
      throw GanetiError.prereq('Give either the iallocator or the new secondary, not both', 'wrong_input');
    }
    if (op.remote_node !== null) {
      const remote = requireNode(ctx.snapshot, op.remote_node as string);
      if (remote.uuid === node.uuid) throw GanetiError.prereq('Can not use evacuated node as a new secondary node', 'wrong_input');
      if (op.mode !== 'secondary-only') {
        throw GanetiError.prereq('Without the use of an iallocator only secondary instances can be evacuated', 'wrong_input');
      }
    } else if (op.iallocator === null && !cluster.default_iallocator) {
      throw GanetiError.prereq(
        'No iallocator or node given and no cluster-wide default iallocator found; please specify either an iallocator or a node, or set a cluster-wide default iallocator',
        'wrong_input',
      );
    }
  },
  async exec(op, ctx) {
    const cluster = requireCluster(ctx.snapshot);
    const node = requireNode(ctx.snapshot, op.node_name as string);
    const iallocator = op.remote_node === null ? ((op.iallocator as string | null) ?? cluster.default_iallocator) : null;
    const jobs: FollowUpOpcode[][] = [];
    const stuck: string[] = [];
    for (const instance of ctx.snapshot.list('instance')) {
      if (instance.primary_node === node.uuid && op.mode !== 'secondary-only') {
        if (INTERNALLY_MIRRORED.includes(instance.disk_template)) {
          jobs.push([{ OP_ID: 'OP_INSTANCE_MIGRATE', instance_name: instance.name, allow_failover: true }]);
        } else if (MOVED_TO_CHOSEN_NODE.includes(instance.disk_template)) {
          const target = evacuationTarget(ctx.snapshot, node);
          if (target) jobs.push([{ OP_ID: 'OP_INSTANCE_MIGRATE', instance_name: instance.name, allow_failover: true, target_node: target.name }]);
          else stuck.push(`${instance.name} (no other usable node in the group)`);
        } else if (EXTERNALLY_MIRRORED.includes(instance.disk_template)) {
          jobs.push([{ OP_ID: 'OP_INSTANCE_MIGRATE', instance_name: instance.name, allow_failover: true, iallocator }]);
        } else {
          stuck.push(`${instance.name} (disk template '${instance.disk_template}' is not mirrored)`);
        }
      }
      if (instance.secondary_nodes.includes(node.uuid) && op.mode !== 'primary-only') {
        jobs.push([
          {
            OP_ID: 'OP_INSTANCE_REPLACE_DISKS',
            instance_name: instance.name,
            mode: 'replace_new_secondary',
            disks: [],
            early_release: op.early_release,
            ...(op.remote_node === null ? { iallocator } : { remote_node: op.remote_node }),
          },
        ]);
      }
    }
    if (stuck.length > 0) ctx.feedback(`Unable to evacuate instances ${stuck.join(', ')}`, 'message');
    if (jobs.length === 0) {
      ctx.feedback(`Node ${node.name} has no instances to evacuate`);
      return { result: { jobs: [] } };
    }
    if (!ctx.submitJobs) throw new GanetiError('OpExecError', 'This job queue cannot submit follow-up jobs');
    return { result: { jobs: await ctx.submitJobs(jobs) } };
  },
};
