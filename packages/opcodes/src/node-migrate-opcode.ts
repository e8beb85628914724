import { GanetiError } from '@corral/model';
import { instancesOnNode, requireNode } from './config-lookup';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/**
 * OP_NODE_MIGRATE: migrates every primary instance of a node by submitting
 * one OP_INSTANCE_MIGRATE job per instance; the result is
 * `{"jobs": [[true, job_id] | [false, message]...]}` (`{"jobs": []}` for a
 * node without primary instances). Only the options that differ from the
 * instance opcode's defaults are passed on.
 */
export const nodeMigrateOpcode: OpcodeDefinition = {
  id: 'OP_NODE_MIGRATE',
  touchesNodes: false,
  summaryField: 'node_name',
  params: [
    { name: 'node_name', check: ht.nonEmptyString },
    { name: 'mode', check: ht.maybe(ht.oneOf('live', 'non-live')), default: null },
    { name: 'live', check: ht.maybe(ht.bool), default: null },
    { name: 'target_node', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'allow_runtime_changes', check: ht.bool, default: true },
    { name: 'ignore_ipolicy', check: ht.bool, default: false },
    { name: 'iallocator', check: ht.maybe(ht.nonEmptyString), default: null },
  ],
  locks: () => [{ level: 'cluster', name: 'cluster', mode: 'shared' }],
  checkPrereq(op, ctx) {
    if (op.live !== null && op.mode !== null) {
      throw GanetiError.prereq('Only one of the --live and --migration-type parameters should be passed', 'wrong_input');
    }
    const node = requireNode(ctx.snapshot, op.node_name as string);
    if (op.target_node !== null) {
      const target = requireNode(ctx.snapshot, op.target_node as string);
      if (target.uuid === node.uuid) throw GanetiError.prereq(`Instances cannot be migrated to the node they are on (${node.name})`, 'wrong_input');
    }
  },
  async exec(op, ctx) {
    const node = requireNode(ctx.snapshot, op.node_name as string);
    const { primary } = instancesOnNode(ctx.snapshot, node.uuid);
    if (primary.length === 0) {
      ctx.feedback(`Node ${node.name} has no primary instances to migrate`);
      return { result: { jobs: [] } };
    }
    const mode = (op.mode as string | null) ?? (op.live === null ? null : op.live ? 'live' : 'non-live');
    const options: Record<string, unknown> = {
      ...(mode !== null ? { mode } : {}),
      ...(op.target_node !== null ? { target_node: op.target_node } : {}),
      ...(op.iallocator !== null ? { iallocator: op.iallocator } : {}),
      ...(op.allow_runtime_changes === false ? { allow_runtime_changes: false } : {}),
      ...(op.ignore_ipolicy === true ? { ignore_ipolicy: true } : {}),
    };
    if (!ctx.submitJobs) throw new GanetiError('OpExecError', 'This job queue cannot submit follow-up jobs');
    const jobs = primary.map((name) => [{ OP_ID: 'OP_INSTANCE_MIGRATE', instance_name: name, ...options }]);
    return { result: { jobs: await ctx.submitJobs(jobs) } };
  },
};
