import type { OpcodeDefinition } from './opcode-definition';
import { instanceActivateDisksOpcode } from './instance-activate-disks-opcode';
import { instanceDeactivateDisksOpcode } from './instance-deactivate-disks-opcode';
import { instanceGrowDiskOpcode } from './instance-grow-disk-opcode';
import { instanceRecreateDisksOpcode } from './instance-recreate-disks-opcode';
import { instanceReinstallOpcode } from './instance-reinstall-opcode';
import { instanceRenameOpcode } from './instance-rename-opcode';
import { instanceReplaceDisksOpcode } from './instance-replace-disks-opcode';
import { backupPrepareOpcode } from './backup-prepare-opcode';
import { backupExportOpcode } from './backup-export-opcode';
import { instanceSetParamsOpcode } from './instance-set-params-opcode';

/** The instance operation opcodes (rename, modify, disks, backup); migrate, failover, shutdown and startup need the plugin registry and are in instance-opcodes.ts. */
export const instanceOperationOpcodes: readonly OpcodeDefinition[] = [
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
