import { GanetiError } from '@corral/model';
import { requireGroup } from './config-lookup';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/** OP_GROUP_REMOVE: removes an empty node group; the last group stays. */
export const groupRemoveOpcode: OpcodeDefinition = {
  id: 'OP_GROUP_REMOVE',
  touchesNodes: false,
  summaryField: 'group_name',
  params: [{ name: 'group_name', check: ht.nonEmptyString }],
  locks: () => [{ level: 'cluster', name: 'cluster', mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    const group = requireGroup(ctx.snapshot, op.group_name as string);
    const members = ctx.snapshot
      .list('node')
      .filter((n) => n.group === group.uuid)
      .map((n) => n.name);
    if (members.length > 0) {
      throw GanetiError.prereq(`Group '${group.name}' not empty, has the following node(s): ${members.join(', ')}`, 'wrong_state');
    }
    if (ctx.snapshot.count('nodegroup') === 1) {
      throw GanetiError.prereq(`Group '${group.name}' is the only group, cannot be removed`, 'wrong_state');
    }
  },
  async exec(op, ctx) {
    const group = requireGroup(ctx.snapshot, op.group_name as string);
    return { result: null, changes: { remove: [{ kind: 'nodegroup', uuid: group.uuid }] } };
  },
};
