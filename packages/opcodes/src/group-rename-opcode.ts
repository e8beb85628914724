import { GanetiError } from '@corral/model';
import { requireGroup } from './config-lookup';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/** OP_GROUP_RENAME: gives a node group a new, unused name; the result is the new name. */
export const groupRenameOpcode: OpcodeDefinition = {
  id: 'OP_GROUP_RENAME',
  touchesNodes: false,
  summaryField: 'group_name',
  params: [
    { name: 'group_name', check: ht.nonEmptyString },
    { name: 'new_name', check: ht.nonEmptyString },
  ],
  locks: () => [{ level: 'cluster', name: 'cluster', mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    requireGroup(ctx.snapshot, op.group_name as string);
    if (ctx.snapshot.findByName('nodegroup', op.new_name as string)) {
      throw GanetiError.prereq(`Desired new name '${String(op.new_name)}' clashes with existing node group`, 'already_exists');
    }
  },
  async exec(op, ctx) {
    const group = requireGroup(ctx.snapshot, op.group_name as string);
    return { result: op.new_name, changes: { put: [{ kind: 'nodegroup', object: { ...group, name: op.new_name as string } }] } };
  },
};
