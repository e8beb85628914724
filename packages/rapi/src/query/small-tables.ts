import type { FilterRule, Node } from '@corral/model';
import { FieldStatus, FieldTable } from '@corral/query';

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

/** Ganeti 3.0's filter rule fields (query resource `filter`); also the `/2/filters` bulk fields. */
export const filterFields: FieldTable<FilterRule> = FieldTable.fromGetters<FilterRule>('filter', {
  watermark: (f) => f.watermark,
  priority: (f) => f.priority,
  predicates: (f) => f.predicates,
  action: (f) => f.action,
  reason_trail: (f) => f.reason_trail,
  uuid: (f) => f.uuid,
});

/** `/2/filters?bulk=1` and `/2/filters/[uuid]`, Ganeti 3.0's order. */
export const FILTER_BULK_FIELDS: readonly string[] = ['watermark', 'priority', 'predicates', 'action', 'reason_trail', 'uuid'];

/** An export row: Ganeti lists each node, with its exports (none kept by Corral yet: no data). */
export interface ExportRow {
  readonly node: Node;
  readonly export: string | null;
}

/** Ganeti 3.0's export fields (query resource `export`). */
export const exportFields: FieldTable<ExportRow> = FieldTable.fromGetters<ExportRow>('export', {
  node: (r) => r.node.name,
  export: (r) => r.export ?? FieldStatus.noData,
});

/** A lock as the job queue's lock manager describes it. */
export interface LockRow {
  readonly name: string;
  readonly mode: string | null;
  readonly owners: readonly number[];
  readonly pending: readonly (readonly [string, readonly number[]])[];
}

/** Ganeti 3.0's lock fields (query resource `lock`). */
export const lockFields: FieldTable<LockRow> = FieldTable.fromGetters<LockRow>('lock', {
  name: (l) => l.name,
  mode: (l) => l.mode,
  owner: (l) => l.owners.map((id) => `job/${id}`),
  pending: (l) => l.pending.map(([mode, ids]) => [mode, ids.map((id) => `job/${id}`)]),
});
