import { compileFilter } from './compile-filter';
import type { FieldDefinition } from './field-definition';
import type { FieldTable } from './field-table';
import { ResultStatus, toFieldValue, type FieldValue } from './result-status';

/** A query answer as Ganeti's RAPI sends it: `{"data": [...], "fields": [...]}`. */
export interface QueryResult {
  readonly data: FieldValue[][];
  readonly fields: FieldDefinition[];
}

/**
 * Runs a query over items: filters them with the compiled filter (over the
 * table's fields), then reads the requested fields. An unknown requested
 * field is described as kind `unknown` and answers `[1, null]`; an unknown
 * field in the filter is a QueryFilterError.
 */
export function runQuery<T>(table: FieldTable<T>, items: readonly T[], names: readonly string[], filter: unknown): QueryResult {
  const matches = compileFilter<T>(filter, (name) => table.get(name)?.get);
  const fields = names.map((n) => table.describe(n));
  const getters = names.map((n) => table.get(n)?.get);
  const data = items.filter(matches).map((item) => getters.map((get): FieldValue => (get ? toFieldValue(get(item)) : [ResultStatus.unknown, null])));
  return { data, fields };
}
