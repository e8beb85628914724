import { lvmStorageModule } from './lvm-storage-module';

export { LvmPvStorage } from './lvm-pv-storage';
export { LvmVgStorage } from './lvm-vg-storage';
export { ExecCommandRunner, type CommandRunner, type CommandResult } from './command-runner';
export { parseLvmTable, lvmMib } from './parse-lvm-table';
export { lvmStorageModule };
export default lvmStorageModule;
