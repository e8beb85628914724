import { dirname, join } from 'node:path';

/**
 * Where the local nodes of one server keep `sharedfile` disks: one directory
 * every node sees, `<data_dir>/shared-file-storage` (local nodes live in
 * `<data_dir>/nodes/<name>`), so a sharedfile instance changes nodes
 * without moving its files, as on Ganeti's shared storage.
 */
export function sharedFileStorageDir(nodeDir: string): string {
  return join(dirname(dirname(nodeDir)), 'shared-file-storage');
}
