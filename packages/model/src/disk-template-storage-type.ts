/**
 * The storage type that backs a disk template (Ganeti's
 * `MAP_DISK_TEMPLATE_STORAGE_TYPE`): node disk figures and the default
 * storage query type come from it. Templates without node storage give null.
 */
export function diskTemplateStorageType(template: string): string | null {
  switch (template) {
    case 'plain':
    case 'drbd':
      return 'lvm-vg';
    case 'file':
      return 'file';
    case 'sharedfile':
      return 'sharedfile';
    case 'gluster':
      return 'gluster';
    case 'rbd':
      return 'rados';
    case 'ext':
      return 'ext';
    default:
      return null;
  }
}
