import { redactPrivateParams } from './redact-private-params';
import type { OpcodeRegistry } from '@corral/opcodes';
import type { JobData } from './job-data';
import { deriveJobStatus } from './job-status';

/** The fields `/2/jobs?bulk=1` returns, Ganeti 3.0's order. */
export const JOB_BULK_FIELDS = ['id', 'ops', 'status', 'summary', 'opstatus', 'received_ts', 'start_ts', 'end_ts'] as const;

/** The fields of a single job, `GET /2/jobs/[id]`, Ganeti 3.0's order (rlib2's J_FIELDS: the bulk fields, then oplog, opresult). */
export const JOB_FIELDS = ['id', 'ops', 'status', 'summary', 'opstatus', 'received_ts', 'start_ts', 'end_ts', 'oplog', 'opresult'] as const;

/** Every field a job query knows; unknown names give null. */
export function jobField(job: JobData, archived: boolean, field: string, registry: OpcodeRegistry): unknown {
  switch (field) {
    case 'id':
      return job.id;
    case 'ops':
      return job.ops.map((o) => redactPrivateParams(o.input));
    case 'status':
      return deriveJobStatus(job.ops.map((o) => o.status));
    case 'summary':
      return job.ops.map((o) => registry.summary(o.input));
    case 'opstatus':
      return job.ops.map((o) => o.status);
    case 'opresult':
      return job.ops.map((o) => o.result);
    case 'oplog':
      return job.ops.map((o) => o.log);
    case 'received_ts':
      return job.received_ts;
    case 'start_ts':
      return job.start_ts;
    case 'end_ts':
      return job.end_ts;
    case 'opstart':
      return job.ops.map((o) => o.start_timestamp);
    case 'opexec':
      return job.ops.map((o) => o.exec_timestamp);
    case 'opend':
      return job.ops.map((o) => o.end_timestamp);
    case 'oppriority':
      return job.ops.map((o) => o.input.priority);
    case 'priority':
      return Math.min(...job.ops.map((o) => o.input.priority as number));
    case 'archived':
      return archived;
    default:
      return null;
  }
}
