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
  /** The jobs not archived, by increasing id (what the queue keeps in memory). */
  loadUnarchived(): Promise<StoredJob[]>;
  /** One job by id, archived or not; undefined when not stored. */
  load(id: number): Promise<StoredJob | undefined>;
  /** How many archived jobs are stored. */
  countArchived(): Promise<number>;
  /** Marks a job archived without rewriting its data (joins the group commit, after earlier saves). */
  archive(id: number): Promise<void>;
  /** Removes the `count` oldest (lowest id) archived jobs; resolves with their ids. */
  trimArchived(count: number): Promise<number[]>;
  /** The highest id ever stored (0 when none), to continue the serial. */
  maxId(): Promise<number>;
  /** Writes the job (and the config changes, applied in memory at once) in one durable transaction. */
  save(job: StoredJob, config?: ConfigChanges): Promise<void>;
  /** Removes archived jobs entirely (housekeeping). */
  purgeArchived(ids: readonly number[]): Promise<void>;
}

export const JobStore: unique symbol = Symbol.for('@corral/store/JobStore');
