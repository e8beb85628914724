import { join, resolve } from 'node:path';

/**
 * Where local nodes keep `sharedfile` disks: one directory every local node of
 * the data directory sees, `<data_dir>/shared-file-storage` (a local node's
 * `node_dir` is `<data_dir>/nodes/<name>`), the embedded default's
 * `shared_file_storage_dir`.
 */
export function sharedFileStorageDir(nodeDir: string): string {
  return join(resolve(nodeDir, '..', '..'), 'shared-file-storage');
}
