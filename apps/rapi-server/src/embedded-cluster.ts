import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createCluster, type Node, type NodeGroup } from '@corral/model';
import type { ConfigStore } from '@corral/store';

/** What the embedded default created, for the start-up log. */
export interface EmbeddedClusterResult {
  readonly created: boolean;
  readonly clusterName: string;
  readonly masterNode: string;
}

/**
 * Initialises the embedded default cluster when the store holds none: this
 * host as the master of a one-node cluster in group `default`, the fake
 * hypervisor, `file` and `diskless` disk templates with file storage under
 * the data directory. An existing cluster is left exactly as it is.
 */
export async function ensureEmbeddedCluster(store: ConfigStore, dataDir: string): Promise<EmbeddedClusterResult> {
  const existing = (await store.snapshot()).list('cluster')[0];
  if (existing) return { created: false, clusterName: existing.name, masterNode: existing.master };

  const now = Date.now() / 1000;
  const nodeName = hostname();
  const nodeDir = join(dataDir, 'nodes', nodeName);
  const fileStorageDir = join(dataDir, 'file-storage');
  const sharedFileStorageDir = join(dataDir, 'shared-file-storage');
  // A local node's own layout (docs/plugins.md): <node_dir>/run/fake-hypervisor holds the fake hypervisor's
  // state, <node_dir>/file-storage the node's file disks, <node_dir>/os extra OS definitions.
  const nodeLayout = [join(nodeDir, 'run', 'fake-hypervisor'), join(nodeDir, 'file-storage')];
  for (const dir of [nodeDir, ...nodeLayout, fileStorageDir, sharedFileStorageDir]) mkdirSync(dir, { recursive: true });

  const cluster = createCluster({
    name: 'corral.local',
    masterNode: nodeName,
    uuid: randomUUID(),
    now,
    enabledHypervisors: ['fake'],
    enabledDiskTemplates: ['file', 'diskless'],
    fileStorageDir,
    sharedFileStorageDir,
    volumeGroupName: null,
    masterNetdev: 'lo',
    defaultIallocator: 'builtin',
  });
  const group: NodeGroup = {
    uuid: randomUUID(),
    serial_no: 1,
    ctime: now,
    mtime: now,
    tags: [],
    name: 'default',
    alloc_policy: 'preferred',
    ndparams: {},
    diskparams: {},
    ipolicy: {},
    networks: {},
  };
  const node: Node = {
    uuid: randomUUID(),
    serial_no: 1,
    ctime: now,
    mtime: now,
    tags: [],
    name: nodeName,
    primary_ip: '127.0.0.1',
    secondary_ip: '127.0.0.1',
    master_candidate: true,
    offline: false,
    drained: false,
    master_capable: true,
    vm_capable: true,
    group: group.uuid,
    ndparams: {},
    powered: true,
    node_dir: nodeDir,
  };
  await store.commit({
    put: [
      { kind: 'cluster', object: cluster },
      { kind: 'nodegroup', object: group },
      { kind: 'node', object: node },
    ],
  });
  return { created: true, clusterName: cluster.name, masterNode: nodeName };
}
