import { randomUUID } from 'node:crypto';
import { NodeRunner } from '@corral/contracts';
import { effectiveBeparams, effectiveHvparams, type Instance } from '@corral/model';
import { ConfigStore } from '@corral/store';
import type { RunningServer } from '../start-server';

/** What a seeded instance looks like; everything else takes a create's defaults. */
export interface SeedInstanceOptions {
  readonly name: string;
  readonly node: string;
  readonly diskTemplate?: 'file' | 'sharedfile' | 'diskless';
  /** Disk sizes in MiB. */
  readonly disks?: readonly number[];
  readonly running?: boolean;
  readonly beparams?: Record<string, unknown>;
}

/**
 * Test shortcut until instance creation exists: commits an Instance to the
 * configuration, creates its disk files on the node (`<instance>/disk<n>`,
 * `logical_id` `['loop', path]` as a create records them)
 * and starts it through the node runner when `running`, as a create would.
 */
export async function seedInstance(server: RunningServer, options: SeedInstanceOptions): Promise<Instance> {
  const store = server.container.get<ConfigStore>(ConfigStore);
  const runner = server.container.get<NodeRunner>(NodeRunner);
  const snapshot = await store.snapshot();
  const cluster = snapshot.list('cluster')[0]!;
  const node = snapshot.findByName('node', options.node)!;
  const template = options.diskTemplate ?? 'file';
  const sizes = template === 'diskless' ? [] : (options.disks ?? [4]);
  const services = runner.on(node);
  const paths: string[] = [];
  for (const [i, size] of sizes.entries()) paths.push(await services.storage(template).createDisk({ name: `${options.name}/disk${i}` }, size));
  const now = Date.now() / 1000;
  const instance: Instance = {
    uuid: randomUUID(),
    serial_no: 1,
    ctime: now,
    mtime: now,
    tags: [],
    name: options.name,
    primary_node: node.uuid,
    secondary_nodes: [],
    os: 'noop+default',
    hypervisor: 'fake',
    disk_template: template,
    disks: sizes.map((size, i) => ({
      uuid: randomUUID(),
      name: null,
      size,
      spindles: null,
      mode: 'rw',
      dev_type: template,
      logical_id: ['loop', paths[i]!],
      params: {},
    })),
    nics: [{ uuid: randomUUID(), name: null, mac: 'aa:00:00:11:22:33', ip: null, network: null, nicparams: {} }],
    beparams: options.beparams ?? { maxmem: 128, minmem: 128 },
    hvparams: {},
    osparams: {},
    osparams_private: {},
    admin_state: options.running ? 'up' : 'down',
    admin_state_source: 'admin',
    network_port: null,
    oper_state: false,
    oper_ram: null,
    oper_vcpus: null,
  };
  if (options.running) {
    const be = effectiveBeparams(cluster, instance);
    await services.hypervisor('fake').startInstance({
      name: instance.name,
      memory: Number(be.maxmem),
      minMemory: Number(be.minmem),
      vcpus: Number(be.vcpus),
      hvparams: effectiveHvparams(cluster, instance),
      disks: paths.map((path) => ({ path, mode: 'rw' })),
      nics: [],
    });
  }
  await store.commit({ put: [{ kind: 'instance', object: instance }] });
  return (await store.snapshot()).findByName('instance', options.name)!;
}
