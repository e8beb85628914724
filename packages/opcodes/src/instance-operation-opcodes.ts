import type { OpcodeDefinition } from './opcode-definition';
import { instanceActivateDisksOpcode } from './instance-activate-disks-opcode';
import { instanceDeactivateDisksOpcode } from './instance-deactivate-disks-opcode';
import { instanceFailoverOpcode } from './instance-failover-opcode';
import { instanceGrowDiskOpcode } from './instance-grow-disk-opcode';
import { instanceMigrateOpcode } from './instance-migrate-opcode';
import { instanceRecreateDisksOpcode } from './instance-recreate-disks-opcode';
import { instanceReinstallOpcode } from './instance-reinstall-opcode';
import { instanceRenameOpcode } from './instance-rename-opcode';
import { instanceReplaceDisksOpcode } from './instance-replace-disks-opcode';
import { backupPrepareOpcode } from './backup-prepare-opcode';
import { backupExportOpcode } from './backup-export-opcode';
import { instanceSetParamsOpcode } from './instance-set-params-opcode';

/** The instance operation opcodes (migrate, failover, rename, modify, disks, backup); shutdown and startup are in instance-opcodes.ts. */
export const instanceOperationOpcodes: readonly OpcodeDefinition[] = [
  instanceMigrateOpcode,
  instanceFailoverOpcode,
  instanceRenameOpcode,
  instanceReinstallOpcode,
  instanceGrowDiskOpcode,
  instanceActivateDisksOpcode,
  instanceDeactivateDisksOpcode,
  instanceRecreateDisksOpcode,
  instanceReplaceDisksOpcode,
  instanceSetParamsOpcode,
  backupPrepareOpcode,
  backupExportOpcode,
];
