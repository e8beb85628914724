import { FieldTable } from '@corral/query';

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
