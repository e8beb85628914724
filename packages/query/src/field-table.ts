import type { FieldDefinition, FieldKind } from './field-definition';
import { ganetiFieldDefinitions } from './ganeti-field-definitions';
import { FieldStatus } from './result-status';

/** Reads one field of an item: a value, or a FieldStatus when there is none. */
export type FieldGetter<T> = (item: T) => unknown | FieldStatus;

/** A field of a table: its description and its getter. */
export interface QueryField<T> extends FieldDefinition {
  readonly get: FieldGetter<T>;
}

/**
 * The one declarative table of a query resource: field name -> title, kind,
 * doc and getter. Queries, `/fields` and bulk listings all read it, so a
 * field is defined once. Titles, kinds and docs default to Ganeti 3.0.2's.
 */
export class FieldTable<T> {
  private readonly byName = new Map<string, QueryField<T>>();

  constructor(readonly resource: string, fields: Iterable<QueryField<T>>) {
    for (const f of fields) this.byName.set(f.name, f);
  }

  /**
   * Builds a table from getters, taking each field's title, kind and doc
   * from Ganeti's definitions of `resource` (override with `described`).
   */
  static fromGetters<T>(
    resource: string,
    getters: Readonly<Record<string, FieldGetter<T>>>,
    described: Readonly<Record<string, readonly [string, FieldKind, string]>> = {},
  ): FieldTable<T> {
    const reference = ganetiFieldDefinitions[resource] ?? {};
    return new FieldTable(
      resource,
      Object.entries(getters).map(([name, get]) => {
        const [title, kind, doc] = described[name] ?? reference[name] ?? [name, 'other', name];
        return { name, title, kind, doc, get };
      }),
    );
  }

  get(name: string): QueryField<T> | undefined {
    return this.byName.get(name);
  }

  /** Every field, sorted by name (as Ganeti lists them). */
  all(): QueryField<T>[] {
    return [...this.byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** The description of a field, or Ganeti's `unknown` entry for a name not in the table. */
  describe(name: string): FieldDefinition {
    const field = this.byName.get(name);
    if (!field) return { name, title: name, kind: 'unknown', doc: `Unknown field '${name}'` };
    return { name: field.name, title: field.title, kind: field.kind, doc: field.doc };
  }

  /** The named fields' values of one item, as a plain object (for bulk listings); a FieldStatus reads as null. */
  project(item: T, names: readonly string[]): Record<string, unknown> {
    return this.projector(names)(item);
  }

  /**
   * `project` with the names resolved once: for listings of many items
   * (the 10,000-instance bulk listing projects every row with it).
   */
  projector(names: readonly string[]): (item: T) => Record<string, unknown> {
    const getters = names.map((name) => this.byName.get(name)?.get);
    const count = names.length;
    // Rows are copies of one template built by JSON.parse, which V8 keeps as a fast object with every key in place:
    // adding 35 keys one by one (keyed stores) would turn each row into a slow dictionary object.
    const template = JSON.parse(JSON.stringify(Object.fromEntries(names.map((name) => [name, null])))) as Record<string, unknown>;
    return (item) => {
      const out: Record<string, unknown> = { ...template };
      for (let i = 0; i < count; i++) {
        const value = getters[i]?.(item);
        out[names[i]!] = value instanceof FieldStatus ? null : value;
      }
      return out;
    };
  }
}
