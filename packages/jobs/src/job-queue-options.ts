/** Tunables of the job queue; every field has Ganeti's default. */
export interface JobQueueOptions {
  /** Live (unarchived) jobs above which submissions are refused (Ganeti: 5000). */
  readonly maxJobs?: number;
  /** Jobs admitted at once (waiting for locks or running); Ganeti's max_running_jobs is 20. */
  readonly maxRunning?: number;
  /** Finished jobs older than this are archived automatically (Ganeti's watcher: 6 h). */
  readonly archiveAgeMs?: number;
  /** Archived jobs kept (found by id); older ones are deleted. */
  readonly maxArchived?: number;
  /** Full records of finished jobs kept in memory (least recently used go); the others are read from the store. */
  readonly maxRecentFullJobs?: number;
  /** How often the archiver looks. */
  readonly archiveIntervalMs?: number;
  /** Wall clock in epoch milliseconds. */
  readonly now?: () => number;
}

export const JobQueueOptions: unique symbol = Symbol.for('@corral/jobs/JobQueueOptions');
