import { join } from 'node:path';

/** Where a local node keeps the fake hypervisor's state: `<node_dir>/run/fake-hypervisor`. */
export function fakeHypervisorDir(nodeDir: string): string {
  return join(nodeDir, 'run', 'fake-hypervisor');
}
