import type { OpInput } from '@corral/opcodes';
import type { JobStatus } from './job-status';
import type { JobTimestamp } from './job-timestamp';

/** One oplog entry: `[serial, timestamp, type, message]`. */
export type LogEntry = [number, JobTimestamp, string, string];

/** An opcode inside a job: the submitted input and how far it got. */
export interface OpState {
  readonly input: OpInput;
  status: JobStatus;
  result: unknown;
  log: LogEntry[];
  start_timestamp: JobTimestamp | null;
  exec_timestamp: JobTimestamp | null;
  end_timestamp: JobTimestamp | null;
}

/**
 * A job as the queue keeps and persists it (JSON). The job's status is not
 * stored: it is derived from the opcodes' statuses, as Ganeti does.
 */
export interface JobData {
  readonly id: number;
  ops: OpState[];
  received_ts: JobTimestamp;
  start_ts: JobTimestamp | null;
  end_ts: JobTimestamp | null;
  /** Highest oplog serial used in this job. */
  log_serial: number;
}
