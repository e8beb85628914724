/**
 * Where Ganeti looks for iallocator scripts, in order, plus the directory
 * where Debian's ganeti-htools-3.0 installs `hail`.
 */
export const IALLOCATOR_SEARCH_PATH: readonly string[] = [
  '/usr/local/lib/ganeti/iallocators',
  '/usr/lib/ganeti/iallocators',
  '/usr/lib/ganeti/3.0/usr/lib/ganeti/iallocators',
];
