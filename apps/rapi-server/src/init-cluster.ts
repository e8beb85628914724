import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createCluster, createNode, createNodeGroup } from '@corral/model';
import { localNodeLayout } from '@corral/opcodes';
import type { ConfigStore } from '@corral/store';

/** What `corral-rapi init` (Ganeti's `gnt-cluster init`) decides; the rest takes Ganeti's defaults. */
export interface InitClusterOptions {
  readonly clusterName: string;
  /** Name of the first node, the master (a local node). */
  readonly masterNode: string;
  readonly enabledHypervisors: readonly string[];
  readonly enabledDiskTemplates: readonly string[];
  readonly volumeGroupName: string | null;
  readonly defaultIallocator: string;
  readonly masterNetdev: string;
  /** `--nic-parameters`: overrides of the cluster's default NIC parameters (mode, link, vlan). */
  readonly nicParameters?: Readonly<Record<string, string>>;
}

/** The embedded default: this host, the fake hypervisor, file and diskless disks, the builtin allocator. */
export function embeddedClusterOptions(): InitClusterOptions {
  return {
    clusterName: 'corral.local',
    masterNode: hostname(),
    enabledHypervisors: ['fake'],
    enabledDiskTemplates: ['file', 'diskless'],
    volumeGroupName: null,
    defaultIallocator: 'builtin',
    masterNetdev: 'lo',
  };
}

/** Raised when the data directory already holds a cluster. */
export class ClusterExistsError extends Error {}

/**
 * Initialises a cluster in an empty store: the cluster object, group
 * `default` and the master as a local node with its own directory
 * `<data_dir>/nodes/<name>` (run/fake-hypervisor, file-storage). Refuses a
 * store that already holds a cluster.
 */
export async function initCluster(store: ConfigStore, dataDir: string, o: InitClusterOptions): Promise<void> {
  const existing = (await store.snapshot()).list('cluster')[0];
  if (existing) throw new ClusterExistsError(`The data directory ${dataDir} already holds cluster ${existing.name} (master ${existing.master})`);

  const now = Date.now() / 1000;
  const nodeDir = join(dataDir, 'nodes', o.masterNode);
  const fileStorageDir = join(dataDir, 'file-storage');
  const sharedFileStorageDir = join(dataDir, 'shared-file-storage');
  for (const dir of [nodeDir, ...localNodeLayout(nodeDir), fileStorageDir, sharedFileStorageDir]) mkdirSync(dir, { recursive: true });

  const created = createCluster({
    name: o.clusterName,
    masterNode: o.masterNode,
    uuid: randomUUID(),
    now,
    enabledHypervisors: [...o.enabledHypervisors],
    enabledDiskTemplates: [...o.enabledDiskTemplates],
    fileStorageDir,
    sharedFileStorageDir,
    volumeGroupName: o.volumeGroupName,
    masterNetdev: o.masterNetdev,
    defaultIallocator: o.defaultIallocator,
  });
  const cluster = o.nicParameters
    ? { ...created, nicparams: { ...created.nicparams, default: { ...created.nicparams['default'], ...o.nicParameters } } }
    : created;
  const group = createNodeGroup({ uuid: randomUUID(), name: 'default' }, now);
  const node = createNode({ uuid: randomUUID(), name: o.masterNode, group: group.uuid, node_dir: nodeDir }, now);
  await store.commit({
    put: [
      { kind: 'cluster', object: cluster },
      { kind: 'nodegroup', object: group },
      { kind: 'node', object: node },
    ],
  });
}
