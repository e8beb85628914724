import { basename, dirname } from 'node:path';
import type { DiskRequest } from '@corral/contracts';
import { GanetiError, type Disk } from '@corral/model';

/** Templates whose disks are files of a node's (or the shared) file storage. */
const STORAGE_BY_TEMPLATE: Readonly<Record<string, string>> = { file: 'file', sharedfile: 'sharedfile' };

/**
 * The storage type holding an instance's disks for its template, or null
 * for `diskless`. Templates whose storage Corral cannot drive from an
 * instance operation yet are refused with a clear wrong_input error.
 */
export function storageTypeOf(template: string): string | null {
  if (template === 'diskless') return null;
  const type = STORAGE_BY_TEMPLATE[template];
  if (!type) throw GanetiError.prereq(`Disk template '${template}' is not supported for this operation by Corral's storage`, 'wrong_input');
  return type;
}

/** The file name of an instance's disk in file storage: `<instance>/disk<n>`. */
export function fileDiskName(instanceName: string, index: number): string {
  return `${instanceName}/disk${index}`;
}

/**
 * The storage request of a file disk. Its `logical_id` is Ganeti's
 * `[driver, path]`, the path on the primary node ending in
 * `<instance>/disk<n>`; the request is that name, so it stays right when
 * disks are added or removed (indices shift, names do not).
 */
export function diskRequest(disk: Pick<Disk, 'logical_id'>): DiskRequest {
  const path = String(disk.logical_id[1]);
  return { name: `${basename(dirname(path))}/${basename(path)}` };
}

/** The disk with its `logical_id` pointing at `path` (where the storage put it). */
export function withDiskPath<D extends Pick<Disk, 'logical_id'>>(disk: D, path: string): D {
  return { ...disk, logical_id: [disk.logical_id[0] ?? 'loop', path] };
}

/** A free `disk<n>` file name for a new disk of the instance. */
export function freeFileDiskName(instanceName: string, disks: readonly Pick<Disk, 'logical_id'>[]): string {
  const taken = new Set(disks.map((d) => diskRequest(d).name));
  for (let n = 0; ; n++) if (!taken.has(fileDiskName(instanceName, n))) return fileDiskName(instanceName, n);
}
