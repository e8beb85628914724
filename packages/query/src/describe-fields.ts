import type { FieldDefinition } from './field-definition';
import type { FieldTable } from './field-table';

/** The `/fields` answer: the named fields, or all of them when `names` is null. */
export function describeFields<T>(table: FieldTable<T>, names: readonly string[] | null): { fields: FieldDefinition[] } {
  return { fields: names === null ? table.all().map((f) => table.describe(f.name)) : names.map((n) => table.describe(n)) };
}
