import { fileStorageModule } from './file-storage-module';

export { FileStorage } from './file-storage';
export { fileStorageDir } from './file-storage-dir';
export { sharedFileStorageDir } from './shared-file-storage-dir';
export { bytesToMib } from './bytes-to-mib';
export { fileStorageModule };
export default fileStorageModule;
