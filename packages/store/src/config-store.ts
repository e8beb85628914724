import type { ConfigChanges } from './config-changes';
import type { ConfigSnapshot } from './config-snapshot';

/**
 * The cluster configuration. Async so that a store on a distributed engine
 * can replace the embedded SQLite one without changing its callers.
 */
export interface ConfigStore {
  /** The current configuration; cheap, served from memory. */
  snapshot(): Promise<ConfigSnapshot>;
  /** Applies the changes atomically and durably; resolves with the new view. */
  commit(changes: ConfigChanges): Promise<ConfigSnapshot>;
}

export const ConfigStore: unique symbol = Symbol.for('@corral/store/ConfigStore');
