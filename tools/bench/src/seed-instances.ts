import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addLocalTestNode, type TestServer } from '@corral/rapi-server';
import type { Instance, Node } from '@corral/model';
import { ConfigStore } from '@corral/store';

/** Nodes for a cluster of `count` instances: 50 instances a node, 2 to 200 nodes. */
export function nodeCountFor(count: number): number {
  return Math.min(200, Math.max(2, Math.ceil(count / 50)));
}

/**
 * The InstanceSeeder of benchmark (b): local nodes (the master plus
 * `nodeCountFor(count) - 1`), then `count` diskless fake instances spread
 * over them, committed through the store; two thirds are running (their
 * fake hypervisor state files written on their node), the rest admin-down.
 */
export async function seedInstances(server: TestServer, count: number): Promise<void> {
  const store = server.container.get<ConfigStore>(ConfigStore);
  const nodes: Node[] = [(await store.snapshot()).list('node')[0]!];
  for (let i = 1; i < nodeCountFor(count); i++) nodes.push(await addLocalTestNode(server, `node${String(i).padStart(3, '0')}.example.com`));
  const now = Date.now() / 1000;
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const node = nodes[i % nodes.length]!;
    const name = `inst${String(i).padStart(5, '0')}.example.com`;
    const up = i % 3 !== 2;
    if (up) {
      mkdirSync(join(node.node_dir, 'run', 'fake-hypervisor'), { recursive: true });
      writeFileSync(join(node.node_dir, 'run', 'fake-hypervisor', name), '0\n128\n1\n');
    }
    const mac = `aa:00:00:${[16, 8, 0].map((s) => ((i >> s) & 255).toString(16).padStart(2, '0')).join(':')}`;
    instances.push({
      uuid: randomUUID(), serial_no: 1, ctime: now, mtime: now, tags: [], name, primary_node: node.uuid, secondary_nodes: [],
      os: 'noop+default', hypervisor: 'fake', disk_template: 'diskless', disks: [],
      nics: [{ uuid: randomUUID(), name: null, mac, ip: null, network: null, nicparams: {} }],
      beparams: { maxmem: 128, minmem: 128 }, hvparams: {}, osparams: {}, osparams_private: {},
      admin_state: up ? 'up' : 'down', admin_state_source: 'admin', network_port: null, oper_state: false, oper_ram: null, oper_vcpus: null,
    });
  }
  for (let i = 0; i < instances.length; i += 1000) {
    await store.commit({ put: instances.slice(i, i + 1000).map((object) => ({ kind: 'instance' as const, object })) });
  }
}
