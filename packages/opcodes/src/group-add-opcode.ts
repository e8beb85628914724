import { randomUUID } from 'node:crypto';
import { createNodeGroup, GanetiError, type AllocPolicy, type NodeGroup } from '@corral/model';
import { checkGroupParams, groupParamSpecs } from './group-params';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/** OP_GROUP_ADD: a new, empty node group. */
export const groupAddOpcode: OpcodeDefinition = {
  id: 'OP_GROUP_ADD',
  touchesNodes: false,
  summaryField: 'group_name',
  params: [{ name: 'group_name', check: ht.nonEmptyString }, ...groupParamSpecs],
  locks: () => [{ level: 'cluster', name: 'cluster', mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    const existing = ctx.snapshot.findByName('nodegroup', op.group_name as string);
    if (existing) {
      throw GanetiError.prereq(`Desired group name '${String(op.group_name)}' already exists as a node group (UUID: ${existing.uuid})`, 'already_exists');
    }
    checkGroupParams(op);
  },
  async exec(op) {
    const now = Date.now() / 1000;
    const group = createNodeGroup(
      {
        uuid: randomUUID(),
        name: op.group_name as string,
        alloc_policy: (op.alloc_policy as AllocPolicy | null) ?? 'preferred',
        ndparams: (op.ndparams as Record<string, unknown> | null) ?? {},
        diskparams: (op.diskparams as NodeGroup['diskparams'] | null) ?? {},
        ipolicy: (op.ipolicy as NodeGroup['ipolicy'] | null) ?? {},
      },
      now,
    );
    return { result: null, changes: { put: [{ kind: 'nodegroup', object: group }] } };
  },
};
