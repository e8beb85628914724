import { diskTemplateStorageType, GanetiError, type Cluster } from '@corral/model';

/** Ganeti's storage types (constants.STORAGE_TYPES). */
export const storageTypes = ['blockdev', 'diskless', 'ext', 'file', 'gluster', 'lvm-pv', 'lvm-vg', 'rados', 'sharedfile'] as const;

/**
 * Ganeti's CheckStorageTypeEnabled: a storage type is usable when a disk
 * template backed by it is enabled (`lvm-pv` goes with `lvm-vg`).
 */
export function checkStorageTypeEnabled(cluster: Cluster, storageType: string): void {
  const wanted = storageType === 'lvm-pv' ? 'lvm-vg' : storageType;
  if (cluster.enabled_disk_templates.some((t) => diskTemplateStorageType(t) === wanted)) return;
  throw new GanetiError(
    'OpPrereqError',
    `No disk template of storage type '${wanted}' is enabled in this cluster. Enabled disk templates are: ${cluster.enabled_disk_templates.join(',')}`,
  );
}

/** The default storage type of a cluster: that of its first enabled disk template with storage. */
export function defaultStorageType(cluster: Cluster): string {
  for (const template of cluster.enabled_disk_templates) {
    const type = diskTemplateStorageType(template);
    if (type !== null) return type;
  }
  throw GanetiError.prereq(`None of the enabled disk templates (${cluster.enabled_disk_templates.join(',')}) has node storage`, 'wrong_state');
}
