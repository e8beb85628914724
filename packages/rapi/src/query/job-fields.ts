import { FieldTable } from '@corral/query';

/** A job as the query sees it: its id and a reader of the job queue's fields. */
export interface JobRow {
  readonly id: number;
  readonly field: (name: string) => unknown;
}

const JOB_FIELD_NAMES = ['archived', 'end_ts', 'id', 'opend', 'opexec', 'oplog', 'oppriority', 'opresult', 'ops', 'opstart', 'opstatus', 'priority', 'received_ts', 'start_ts', 'status', 'summary'];

/** Ganeti 3.0's job fields (query resource `job`), read from the job queue. */
export const jobFields: FieldTable<JobRow> = FieldTable.fromGetters<JobRow>(
  'job',
  Object.fromEntries(JOB_FIELD_NAMES.map((name) => [name, (r: JobRow) => r.field(name)])),
);
