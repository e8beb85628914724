/** A job id: an integer (Ganeti 2.7+), though 2.4-era servers sent strings. */
export type JobId = number;

/** Job and opcode statuses, as Ganeti names them. */
export type JobStatus = 'queued' | 'waiting' | 'canceling' | 'running' | 'success' | 'error' | 'canceled';

/** Statuses after which a job never changes again. */
export const FINALIZED_JOB_STATUSES: readonly JobStatus[] = ['success', 'error', 'canceled'];

/** `[seconds, microseconds]`, as Ganeti encodes job timestamps. */
export type JobTimestamp = [number, number];

/** One oplog entry: `[serial, timestamp, type, message]`. */
export type JobLogEntry = [number, JobTimestamp, string, unknown];

/** `GET /2/jobs/[id]`. */
export interface JobInfo {
  id: JobId;
  status: JobStatus;
  ops: Record<string, unknown>[];
  summary: string[];
  opstatus: JobStatus[];
  opresult: unknown[];
  oplog: JobLogEntry[][];
  received_ts: JobTimestamp | null;
  start_ts: JobTimestamp | null;
  end_ts: JobTimestamp | null;
}

/** `GET /2/jobs/[id]/wait` answer. */
export interface JobChange {
  job_info: unknown[];
  log_entries: JobLogEntry[];
}

/** Roles `GET/PUT /2/nodes/[n]/role` speak. */
export type NodeRole = 'master' | 'master-candidate' | 'regular' | 'drained' | 'offline';

/** `/2/query/[resource]` answer. */
export interface QueryResult {
  fields: { name: string; title: string; kind: string; doc: string }[];
  data: [number, unknown][][];
}

/** Resources `/2/query` knows. */
export type QueryResource = 'instance' | 'node' | 'group' | 'network' | 'job' | 'export' | 'filter' | 'lock';

/** Common optional arguments of job-submitting calls. */
export interface SubmitOptions {
  readonly dryRun?: boolean;
  /** Text for the job's reason trail (`?reason=`). */
  readonly reason?: string;
}

/** A parameter dictionary passed through as the request body. */
export type Params = Record<string, unknown>;
