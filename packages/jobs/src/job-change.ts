import type { LogEntry } from './job-data';

/** The answer of a wait-for-change: the asked fields' values and the new log entries. */
export interface JobChange {
  readonly job_info: unknown[];
  readonly log_entries: LogEntry[];
}
