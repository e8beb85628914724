import type { ConfigChanges } from './config-changes';
import type { StoredJob } from './stored-job';

/**
 * Persistence of the job queue. Async so that another engine can replace
 * the embedded one. `save` resolves once the job row (and the configuration
 * changes given with it) are durable together.
 */
export interface JobStore {
  /** Every stored job, archived ones included, by increasing id. */
  loadAll(): Promise<StoredJob[]>;
  /** The highest id ever stored (0 when none), to continue the serial. */
  maxId(): Promise<number>;
  /** Writes the job (and the config changes, applied in memory at once) in one durable transaction. */
  save(job: StoredJob, config?: ConfigChanges): Promise<void>;
  /** Removes archived jobs entirely (housekeeping). */
  purgeArchived(ids: readonly number[]): Promise<void>;
}

export const JobStore: unique symbol = Symbol.for('@corral/store/JobStore');
