import { join } from 'node:path';

/** Ganeti's default OS search path. */
export const GANETI_OS_SEARCH_PATH: readonly string[] = ['/srv/ganeti/os', '/usr/local/lib/ganeti/os', '/usr/lib/ganeti/os', '/usr/share/ganeti/os'];

/** A local node looks in `<node_dir>/os` first, then Ganeti's search path. */
export function osSearchPath(nodeDir: string, defaults: readonly string[] = GANETI_OS_SEARCH_PATH): string[] {
  return [join(nodeDir, 'os'), ...defaults];
}
