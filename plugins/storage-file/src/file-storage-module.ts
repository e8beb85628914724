import { ContainerModule } from 'inversify';
import { StorageProvider, type NodeLocation, type Storage } from '@corral/contracts';
import { FileStorage } from './file-storage';
import { fileStorageDir } from './file-storage-dir';
import { sharedFileStorageDir } from './shared-file-storage-dir';

/**
 * Contributes the `file` storage type, rooted in each node's `file-storage`
 * directory, and `sharedfile`, rooted in the directory all local nodes share.
 */
export const fileStorageModule: ContainerModule = new ContainerModule(({ bind }) => {
  bind<StorageProvider>(StorageProvider).toConstantValue({
    type: 'file',
    forNode: (node: NodeLocation): Storage => new FileStorage(fileStorageDir(node.node_dir)),
  });
  bind<StorageProvider>(StorageProvider).toConstantValue({
    type: 'sharedfile',
    forNode: (node: NodeLocation): Storage => new FileStorage(sharedFileStorageDir(node.node_dir), 'sharedfile'),
  });
});
