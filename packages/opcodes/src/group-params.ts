import { defaultDiskparams, defaultNdparams } from '@corral/model';
import { checkIpolicy } from './check-ipolicy';
import type { OpInput } from './opcode-definition';
import { ht, type ParamSpec } from './param-spec';
import { checkNestedParamKeys, checkParamKeys } from './updated-params';

/** Ganeti's node group allocation policies. */
export const allocPolicies = ['preferred', 'last_resort', 'unallocable'] as const;

/** The parameters OP_GROUP_ADD and OP_GROUP_SET_PARAMS share, in Ganeti's order. */
export const groupParamSpecs: readonly ParamSpec[] = [
  { name: 'ndparams', check: ht.maybe(ht.dict), default: null },
  { name: 'diskparams', check: ht.maybe(ht.dict), default: null },
  { name: 'alloc_policy', check: ht.maybe(ht.oneOf(...allocPolicies)), default: null },
  { name: 'ipolicy', check: ht.maybe(ht.dict), default: null },
  { name: 'hv_state', check: ht.maybe(ht.dict), default: null },
  { name: 'disk_state', check: ht.maybe(ht.dict), default: null },
];

/** Checks the keys of a group's ndparams, diskparams and ipolicy against the known parameters. */
export function checkGroupParams(op: OpInput): void {
  if (op.ndparams !== null) checkParamKeys(op.ndparams as Record<string, unknown>, defaultNdparams);
  if (op.diskparams !== null) checkNestedParamKeys(op.diskparams as Record<string, unknown>, defaultDiskparams, 'disk template');
  if (op.ipolicy !== null) checkIpolicy(op.ipolicy as Record<string, unknown>);
}
