import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from '@corral/model';
import { ConfigStore } from '@corral/store';
import type { RunningServer } from '../start-server';

/**
 * Adds a local node (its own directories under `<data_dir>/nodes/<name>`)
 * to a running server's configuration, in the master's group, for tests
 * that need a multi-node cluster on one machine. The operator's way is the
 * node-add administration command; this is the test shortcut.
 */
export async function addLocalTestNode(server: RunningServer, name: string, overrides: Partial<Node> = {}): Promise<Node> {
  const store = server.container.get<ConfigStore>(ConfigStore);
  const snapshot = await store.snapshot();
  const cluster = snapshot.list('cluster')[0]!;
  const master = snapshot.findByName('node', cluster.master)!;
  const nodeDir = join(server.settings.dataDir, 'nodes', name);
  for (const dir of [join(nodeDir, 'run', 'fake-hypervisor'), join(nodeDir, 'file-storage')]) mkdirSync(dir, { recursive: true });
  const now = Date.now() / 1000;
  const node: Node = {
    uuid: randomUUID(),
    serial_no: 1,
    ctime: now,
    mtime: now,
    tags: [],
    name,
    primary_ip: '127.0.0.1',
    secondary_ip: '127.0.0.1',
    master_candidate: true,
    offline: false,
    drained: false,
    master_capable: true,
    vm_capable: true,
    group: master.group,
    ndparams: {},
    powered: true,
    node_dir: nodeDir,
    ...overrides,
  };
  await store.commit({ put: [{ kind: 'node', object: node }] });
  return (await store.snapshot()).findByName('node', name)!;
}
