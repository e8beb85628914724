import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createNode, type Node } from '@corral/model';
import { localNodeDir, localNodeLayout } from '@corral/opcodes';
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
  const nodeDir = localNodeDir(master.node_dir, name);
  for (const dir of localNodeLayout(nodeDir)) mkdirSync(dir, { recursive: true });
  const node = createNode({ uuid: randomUUID(), name, group: master.group, node_dir: nodeDir, ...overrides }, Date.now() / 1000);
  await store.commit({ put: [{ kind: 'node', object: node }] });
  return (await store.snapshot()).findByName('node', name)!;
}
