import { GanetiError } from '@corral/model';
import { requireCluster, requireNode } from './config-lookup';
import { nodeServicesOf } from './node-services-of';
import { pluginFailure } from './plugin-failure';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { checkStorageTypeEnabled, storageTypes } from './storage-type-check';

/** OP_REPAIR_NODE_STORAGE: Ganeti's `fix-consistency`, only for `lvm-vg` (§6.5). */
export const repairNodeStorageOpcode: OpcodeDefinition = {
  id: 'OP_REPAIR_NODE_STORAGE',
  touchesNodes: true,
  summaryField: 'node_name',
  params: [
    { name: 'node_name', check: ht.nonEmptyString },
    { name: 'storage_type', check: ht.oneOf(...storageTypes) },
    { name: 'name', check: ht.nonEmptyString },
    { name: 'ignore_consistency', check: ht.bool, default: false },
  ],
  locks: (op) => [{ level: 'node', name: String(op.node_name), mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    requireNode(ctx.snapshot, op.node_name as string);
    const type = op.storage_type as string;
    if (type !== 'lvm-vg') throw GanetiError.prereq(`Storage units of type '${type}' can not be repaired`, 'wrong_input');
    checkStorageTypeEnabled(requireCluster(ctx.snapshot), type);
  },
  async exec(op, ctx) {
    const node = requireNode(ctx.snapshot, op.node_name as string);
    try {
      await nodeServicesOf(ctx, node).storage(op.storage_type as string).repairUnit(op.name as string);
    } catch (error) {
      throw pluginFailure(error);
    }
    return { result: null };
  },
};
