import { ContainerModule } from 'inversify';
import { StorageProvider, type Storage } from '@corral/contracts';
import { ExecCommandRunner } from './command-runner';
import { LvmPvStorage } from './lvm-pv-storage';
import { LvmVgStorage } from './lvm-vg-storage';

/**
 * Contributes `lvm-pv` and `lvm-vg`. LVM belongs to the host, so every
 * local node on one machine sees the same physical volumes and groups.
 */
export const lvmStorageModule: ContainerModule = new ContainerModule(({ bind }) => {
  const runner = new ExecCommandRunner();
  bind<StorageProvider>(StorageProvider).toConstantValue({ type: 'lvm-pv', forNode: (): Storage => new LvmPvStorage(runner) });
  bind<StorageProvider>(StorageProvider).toConstantValue({ type: 'lvm-vg', forNode: (): Storage => new LvmVgStorage(runner) });
});
