/** Templates whose disks are copied between two nodes (Ganeti's DTS_INT_MIRROR). */
export const INTERNALLY_MIRRORED_TEMPLATES: readonly string[] = ['drbd'];

/** Templates whose storage every node sees (Ganeti's DTS_EXT_MIRROR). */
export const EXTERNALLY_MIRRORED_TEMPLATES: readonly string[] = ['sharedfile', 'blockdev', 'rbd', 'ext', 'gluster'];

/** Every disk template Ganeti 3.0 knows. */
export const DISK_TEMPLATES: readonly string[] = ['diskless', 'plain', 'drbd', 'file', 'sharedfile', 'blockdev', 'rbd', 'ext', 'gluster'];

/**
 * The storage type (a storage plugin) that holds a template's disks, or
 * null when Corral's storage cannot provide the template yet.
 */
export function diskTemplateStorage(template: string): string | null {
  switch (template) {
    case 'file':
      return 'file';
    case 'sharedfile':
      return 'sharedfile';
    case 'plain':
      return 'lvm-vg';
    default:
      return null;
  }
}

/**
 * The storage-plugin request of one disk of an instance: file disks live in
 * `<instance name>/disk<n>` below the node's file storage, LVM disks are
 * `<instance uuid>.disk<n>` in the cluster's volume group.
 */
export function newDiskRequest(template: string, instance: { readonly name: string; readonly uuid: string }, index: number, volumeGroup: string | null): { unit?: string; name: string } {
  if (template === 'plain') return { unit: volumeGroup ?? undefined, name: `${instance.uuid}.disk${index}` };
  return { name: `${instance.name}/disk${index}` };
}
