import type { OpcodeRegistry } from '@corral/opcodes';
import type { JobData } from './job-data';
import { deriveJobStatus, type JobStatus } from './job-status';
import type { JobTimestamp } from './job-timestamp';

/**
 * What the queue keeps in memory of a finished job: what listings, the
 * scheduler and dependencies need. The full job (opcodes, results, logs)
 * stays in the store and is read back when asked for, so memory does not
 * grow with the finished jobs' payloads.
 */
export interface JobDigest {
  readonly status: JobStatus;
  readonly opstatus: readonly JobStatus[];
  readonly summary: readonly string[];
  readonly oppriority: readonly unknown[];
  readonly received_ts: JobTimestamp;
  readonly start_ts: JobTimestamp | null;
  readonly end_ts: JobTimestamp | null;
}

/** Fields a digest cannot answer: they need the full job. */
const FULL_ONLY = new Set(['ops', 'opresult', 'oplog', 'opstart', 'opexec', 'opend']);

/** The digest of a job (computed once, when it finished). */
export function digestJob(job: JobData, registry: OpcodeRegistry): JobDigest {
  return {
    status: deriveJobStatus(job.ops.map((o) => o.status)),
    opstatus: job.ops.map((o) => o.status),
    summary: job.ops.map((o) => registry.summary(o.input)),
    oppriority: job.ops.map((o) => o.input.priority),
    received_ts: job.received_ts,
    start_ts: job.start_ts,
    end_ts: job.end_ts,
  };
}

/** Whether every field asked can be answered from the digest. */
export function digestAnswers(fields: readonly string[]): boolean {
  return fields.every((f) => !FULL_ONLY.has(f));
}

/** A field from the digest, the same value `jobField` gives for the full job (copies, so callers cannot alter it). */
export function digestField(id: number, digest: JobDigest, archived: boolean, field: string): unknown {
  switch (field) {
    case 'id':
      return id;
    case 'status':
      return digest.status;
    case 'summary':
      return [...digest.summary];
    case 'opstatus':
      return [...digest.opstatus];
    case 'received_ts':
      return digest.received_ts;
    case 'start_ts':
      return digest.start_ts;
    case 'end_ts':
      return digest.end_ts;
    case 'oppriority':
      return [...digest.oppriority];
    case 'priority':
      return Math.min(...(digest.oppriority as number[]));
    case 'archived':
      return archived;
    default:
      return null;
  }
}
