import type { FieldDefinition, FieldKind } from './field-definition';
import { ganetiFieldDefinitions } from './ganeti-field-definitions';
import { FieldStatus } from './result-status';

/** Reads one field of an item: a value, or a FieldStatus when there is none. */
export type FieldGetter<T> = (item: T) => unknown | FieldStatus;

/** A field of a table: its description and its getter. */
export interface QueryField<T> extends FieldDefinition {
  readonly get: FieldGetter<T>;
}

/** A getter's answer as a listing shows it: a FieldStatus (no value) reads as null. */
function plainValue(value: unknown): unknown {
  return value instanceof FieldStatus ? null : value;
}

/**
 * A function building one object literal with the projection's keys, in
 * order: every row then has the same shape and is built in one allocation,
 * as a hand-written literal would be (the 10,000-row listing is ~2x faster
 * than adding keys one by one). Keys are JSON-quoted (`__proto__` computed),
 * so no name can inject code or set a prototype.
 */
function compileProjector<T>(getters: readonly FieldGetter<T>[], names: readonly string[]): (item: T) => Record<string, unknown> {
  const key = (name: string): string => (name === '__proto__' ? `[${JSON.stringify(name)}]` : JSON.stringify(name));
  const body = names.map((name, i) => `${key(name)}: v(g[${i}](item))`).join(', ');
  const build = new Function('g', 'v', `return (item) => ({ ${body} });`) as (
    g: readonly FieldGetter<T>[],
    v: (value: unknown) => unknown,
  ) => (item: T) => Record<string, unknown>;
  return build(getters, plainValue);
}

/**
 * The one declarative table of a query resource: field name -> title, kind,
 * doc and getter. Queries, `/fields` and bulk listings all read it, so a
 * field is defined once. Titles, kinds and docs default to Ganeti 3.0.2's.
 */
export class FieldTable<T> {
  private readonly byName = new Map<string, QueryField<T>>();
  private readonly projectors = new WeakMap<readonly string[], (item: T) => Record<string, unknown>>();

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
   * `project` with the names resolved once (cached per names array): for
   * listings of many items, such as the 10,000-instance bulk listing.
   */
  projector(names: readonly string[]): (item: T) => Record<string, unknown> {
    let projector = this.projectors.get(names);
    if (projector === undefined) {
      projector = compileProjector(names.map((name) => this.byName.get(name)?.get ?? (() => null)), names);
      this.projectors.set(names, projector);
    }
    return projector;
  }
}
