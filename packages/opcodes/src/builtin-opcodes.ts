import { clusterAdminOpcodes } from './cluster-admin-opcodes';
import { clusterRedistConfOpcode } from './cluster-redist-conf-opcode';
import type { OpcodeDefinition } from './opcode-definition';
import { tagsDelOpcode } from './tags-del-opcode';
import { tagsSetOpcode } from './tags-set-opcode';
import { testDelayOpcode } from './test-delay-opcode';
import { instanceOperationOpcodes } from './instance-operation-opcodes';
import { networkAddOpcode } from './network-add-opcode';
import { networkRemoveOpcode } from './network-remove-opcode';
import { networkConnectOpcode } from './network-connect-opcode';
import { networkDisconnectOpcode } from './network-disconnect-opcode';
import { networkSetParamsOpcode } from './network-set-params-opcode';

/** The opcodes this package implements; other packages contribute theirs through OpcodeDefinitions. */
export const builtinOpcodes: readonly OpcodeDefinition[] = [tagsSetOpcode, tagsDelOpcode, clusterRedistConfOpcode, testDelayOpcode,
  networkAddOpcode, networkRemoveOpcode, networkConnectOpcode, networkDisconnectOpcode, networkSetParamsOpcode,
  ...clusterAdminOpcodes,
  ...instanceOperationOpcodes,
];
