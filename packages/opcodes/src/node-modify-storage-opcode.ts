import { GanetiError } from '@corral/model';
import { requireCluster, requireNode } from './config-lookup';
import { nodeServicesOf } from './node-services-of';
import { pluginFailure } from './plugin-failure';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { checkStorageTypeEnabled, storageTypes } from './storage-type-check';

const MODIFIABLE: Record<string, readonly string[]> = { 'lvm-pv': ['allocatable'] };

/** OP_NODE_MODIFY_STORAGE: changes a storage unit (only `allocatable` of an `lvm-pv`, §6.4). */
export const nodeModifyStorageOpcode: OpcodeDefinition = {
  id: 'OP_NODE_MODIFY_STORAGE',
  touchesNodes: true,
  summaryField: 'node_name',
  params: [
    { name: 'node_name', check: ht.nonEmptyString },
    { name: 'storage_type', check: ht.oneOf(...storageTypes) },
    { name: 'name', check: ht.nonEmptyString },
    { name: 'changes', check: ht.dict },
  ],
  locks: (op) => [{ level: 'node', name: String(op.node_name), mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    requireNode(ctx.snapshot, op.node_name as string);
    const type = op.storage_type as string;
    const allowed = MODIFIABLE[type];
    if (!allowed) throw GanetiError.prereq(`Storage units of type '${type}' can not be modified`, 'wrong_input');
    const bad = Object.keys(op.changes as object).filter((k) => !allowed.includes(k));
    if (bad.length > 0) {
      throw GanetiError.prereq(`The following fields can not be modified for storage units of type '${type}': ${bad.join(', ')}`, 'wrong_input');
    }
    checkStorageTypeEnabled(requireCluster(ctx.snapshot), type);
  },
  async exec(op, ctx) {
    const node = requireNode(ctx.snapshot, op.node_name as string);
    const changes = op.changes as { allocatable?: boolean };
    if (Object.keys(changes).length === 0) return { result: null };
    try {
      await nodeServicesOf(ctx, node).storage(op.storage_type as string).modifyUnit(op.name as string, changes);
    } catch (error) {
      throw pluginFailure(error);
    }
    return { result: null };
  },
};
