import { join } from 'node:path';

/** Where a local node keeps its file-storage disks: `<node_dir>/file-storage`. */
export function fileStorageDir(nodeDir: string): string {
  return join(nodeDir, 'file-storage');
}
