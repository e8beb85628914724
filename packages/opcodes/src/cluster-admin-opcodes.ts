import { clusterSetParamsOpcode } from './cluster-set-params-opcode';
import { groupAddOpcode } from './group-add-opcode';
import { groupAssignNodesOpcode } from './group-assign-nodes-opcode';
import { groupRemoveOpcode } from './group-remove-opcode';
import { groupRenameOpcode } from './group-rename-opcode';
import { groupSetParamsOpcode } from './group-set-params-opcode';
import { nodeAddOpcode } from './node-add-opcode';
import { nodeEvacuateOpcode } from './node-evacuate-opcode';
import { nodeMigrateOpcode } from './node-migrate-opcode';
import { nodeModifyStorageOpcode } from './node-modify-storage-opcode';
import { nodePowercycleOpcode } from './node-powercycle-opcode';
import { nodeQueryStorageOpcode } from './node-query-storage-opcode';
import { nodeRemoveOpcode } from './node-remove-opcode';
import { nodeSetParamsOpcode } from './node-set-params-opcode';
import type { OpcodeDefinition } from './opcode-definition';
import { osDiagnoseOpcode } from './os-diagnose-opcode';
import { repairNodeStorageOpcode } from './repair-node-storage-opcode';

/** The node, group, OS and cluster opcodes (issue 7). */
export const clusterAdminOpcodes: readonly OpcodeDefinition[] = [
  nodeAddOpcode,
  nodeRemoveOpcode,
  nodeSetParamsOpcode,
  nodeEvacuateOpcode,
  nodeMigrateOpcode,
  nodePowercycleOpcode,
  nodeQueryStorageOpcode,
  nodeModifyStorageOpcode,
  repairNodeStorageOpcode,
  groupAddOpcode,
  groupRemoveOpcode,
  groupSetParamsOpcode,
  groupRenameOpcode,
  groupAssignNodesOpcode,
  osDiagnoseOpcode,
  clusterSetParamsOpcode,
];
