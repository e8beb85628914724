import { GanetiError } from '@corral/model';
import { requireGroup, requireNode } from './config-lookup';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/**
 * OP_GROUP_ASSIGN_NODES: moves nodes into a group. Moving a node away from
 * the other node of a mirrored (DRBD) instance splits the instance across
 * groups; Ganeti refuses that unless `force`.
 */
export const groupAssignNodesOpcode: OpcodeDefinition = {
  id: 'OP_GROUP_ASSIGN_NODES',
  touchesNodes: false,
  summaryField: 'group_name',
  params: [
    { name: 'group_name', check: ht.nonEmptyString },
    { name: 'force', check: ht.bool, default: false },
    { name: 'nodes', check: ht.listOf(ht.nonEmptyString) },
  ],
  locks: () => [{ level: 'cluster', name: 'cluster', mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    const group = requireGroup(ctx.snapshot, op.group_name as string);
    const moved = new Map((op.nodes as string[]).map((n) => [requireNode(ctx.snapshot, n).uuid, group.uuid]));
    const groupOf = (uuid: string): string | undefined => moved.get(uuid) ?? ctx.snapshot.get('node', uuid)?.group;
    const split = ctx.snapshot
      .list('instance')
      .filter((i) => i.secondary_nodes.length > 0)
      .filter((i) => [i.primary_node, ...i.secondary_nodes].some((n) => moved.has(n)))
      .filter((i) => new Set([i.primary_node, ...i.secondary_nodes].map(groupOf)).size > 1)
      .map((i) => i.name);
    if (split.length > 0 && op.force !== true) {
      throw GanetiError.prereq(
        `Instances between their nodes would be split across node groups; use the force option to proceed: ${split.join(', ')}`,
        'wrong_state',
      );
    }
  },
  async exec(op, ctx) {
    const group = requireGroup(ctx.snapshot, op.group_name as string);
    const nodes = (op.nodes as string[]).map((n) => requireNode(ctx.snapshot, n)).filter((n) => n.group !== group.uuid);
    return { result: null, changes: { put: nodes.map((n) => ({ kind: 'node' as const, object: { ...n, group: group.uuid } })) } };
  },
};
