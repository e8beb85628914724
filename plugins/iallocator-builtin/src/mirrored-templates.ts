/** Internally mirrored templates: two nodes, a secondary that must hold N+1 memory. */
export const MIRRORED_TEMPLATES: readonly string[] = ['drbd'];

/** Templates whose disks every node of the group reaches, so instances migrate anywhere. */
export const SHARED_TEMPLATES: readonly string[] = ['diskless', 'sharedfile', 'rbd', 'ext', 'gluster', 'blockdev'];

/** Templates that use no node-local disk space. */
export const NO_LOCAL_DISK_TEMPLATES: readonly string[] = ['diskless', 'sharedfile', 'rbd', 'ext', 'gluster', 'blockdev'];
