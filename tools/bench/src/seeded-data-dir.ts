import { makeTempDir } from '@corral/testing';
import { startBuiltServer } from './built-server';
import { seedCluster, type ClusterSeedResult, type ClusterSeedSpec } from './cluster-seeder';

/** A data directory holding a seeded cluster, ready for the built server to start on. */
export interface SeededDataDir {
  readonly dataDir: string;
  /** The write user `user:password` generated on the initialising start. */
  readonly auth: string;
  readonly seed: ClusterSeedResult;
  remove(): void;
}

/**
 * A fresh temporary data directory initialised by one start of the built
 * server (cluster, master node, users file, TLS key), stopped, then grown
 * to `spec` through the store (seedCluster). The server is not running
 * when this resolves.
 */
export async function seedDataDir(spec: ClusterSeedSpec): Promise<SeededDataDir> {
  const dir = makeTempDir('corral-bench-seeded-');
  try {
    const init = await startBuiltServer(dir.path);
    await init.stop();
    const seed = await seedCluster(dir.path, spec);
    return { dataDir: dir.path, auth: init.generatedAuth ?? '', seed, remove: () => dir.remove() };
  } catch (error) {
    dir.remove();
    throw error;
  }
}
