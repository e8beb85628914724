import { instanceCreateOpcode } from './instance-create-opcode';
import { instanceFailoverOpcode } from './instance-failover-opcode';
import { instanceMigrateOpcode } from './instance-migrate-opcode';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import { instanceMultiAllocOpcode } from './instance-multi-alloc-opcode';
import { instanceQueryDataOpcode } from './instance-query-data-opcode';
import { instanceRebootOpcode } from './instance-reboot-opcode';
import { instanceRemoveOpcode } from './instance-remove-opcode';
import { instanceShutdownOpcode } from './instance-shutdown-opcode';
import { instanceStartupOpcode } from './instance-startup-opcode';
import type { OpcodeDefinition } from './opcode-definition';

/** The instance opcodes, built over the node runner, plugin registry and resolver. */
export function instanceOpcodes(deps: InstanceOpcodeDeps): OpcodeDefinition[] {
  return [
    instanceCreateOpcode(deps),
    instanceRemoveOpcode(deps),
    instanceStartupOpcode(deps),
    instanceShutdownOpcode(deps),
    instanceRebootOpcode(deps),
    instanceQueryDataOpcode(deps),
    instanceMultiAllocOpcode(deps),
    instanceMigrateOpcode(deps),
    instanceFailoverOpcode(deps),
  ];
}
