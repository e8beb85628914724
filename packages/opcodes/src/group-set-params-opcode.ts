import { GanetiError, type AllocPolicy, type NodeGroup } from '@corral/model';
import { requireGroup } from './config-lookup';
import { checkGroupParams, groupParamSpecs } from './group-params';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { updatedNestedParams, updatedParams } from './updated-params';

const MODS = ['ndparams', 'diskparams', 'alloc_policy', 'ipolicy', 'hv_state', 'disk_state'];

/**
 * OP_GROUP_SET_PARAMS: a group's allocation policy and its own (custom)
 * ndparams, diskparams and ipolicy; `"default"` drops an override. The
 * result lists `[parameter, new value]`.
 */
export const groupSetParamsOpcode: OpcodeDefinition = {
  id: 'OP_GROUP_SET_PARAMS',
  touchesNodes: false,
  summaryField: 'group_name',
  params: [{ name: 'group_name', check: ht.nonEmptyString }, ...groupParamSpecs],
  locks: (op) => [{ level: 'nodegroup', name: String(op.group_name), mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    if (MODS.every((m) => op[m] === null)) throw GanetiError.prereq('Please pass at least one modification', 'wrong_input');
    requireGroup(ctx.snapshot, op.group_name as string);
    checkGroupParams(op);
  },
  async exec(op, ctx) {
    let group: NodeGroup = requireGroup(ctx.snapshot, op.group_name as string);
    const result: [string, unknown][] = [];
    if (op.ndparams !== null) {
      group = { ...group, ndparams: updatedParams(group.ndparams, op.ndparams as Record<string, unknown>) };
      result.push(['ndparams', JSON.stringify(group.ndparams)]);
    }
    if (op.diskparams !== null) {
      group = { ...group, diskparams: updatedNestedParams(group.diskparams, op.diskparams as Record<string, unknown>) };
      result.push(['diskparams', JSON.stringify(group.diskparams)]);
    }
    if (op.alloc_policy !== null) {
      group = { ...group, alloc_policy: op.alloc_policy as AllocPolicy };
      result.push(['alloc_policy', op.alloc_policy]);
    }
    if (op.ipolicy !== null) {
      group = { ...group, ipolicy: updatedParams(group.ipolicy, op.ipolicy as Record<string, unknown>) as NodeGroup['ipolicy'] };
      result.push(['ipolicy', JSON.stringify(group.ipolicy)]);
    }
    return { result, changes: { put: [{ kind: 'nodegroup', object: group }] } };
  },
};
