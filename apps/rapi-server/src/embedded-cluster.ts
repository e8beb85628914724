import type { ConfigStore } from '@corral/store';
import { embeddedClusterOptions, initCluster } from './init-cluster';

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
 * the data directory. An existing cluster (the embedded one, or one made by
 * `corral-rapi init`) is left exactly as it is.
 */
export async function ensureEmbeddedCluster(store: ConfigStore, dataDir: string): Promise<EmbeddedClusterResult> {
  const existing = (await store.snapshot()).list('cluster')[0];
  if (existing) return { created: false, clusterName: existing.name, masterNode: existing.master };
  const options = embeddedClusterOptions();
  await initCluster(store, dataDir, options);
  return { created: true, clusterName: options.clusterName, masterNode: options.masterNode };
}
