/** A column: its header and how to read it from a row. */
export interface Column<T> {
  readonly name: string;
  readonly header: string;
  readonly get: (row: T) => unknown;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.map(cell).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  return String(value);
}

/**
 * Picks columns by name (`-o name,status`); unknown names are a usage error
 * reported by the caller with the list of known ones.
 */
export function selectColumns<T>(all: readonly Column<T>[], names: readonly string[] | undefined, defaults: readonly string[]): Column<T>[] {
  const wanted = names && names.length > 0 ? names : defaults;
  return wanted.map((n) => {
    const column = all.find((c) => c.name === n);
    if (!column) throw new Error(`Unknown field '${n}'; known fields: ${all.map((c) => c.name).join(', ')}`);
    return column;
  });
}

/** Renders rows as an aligned text table, in the style of `gnt-* list`. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[], options: { header?: boolean; separator?: string } = {}): string {
  const cells = rows.map((r) => columns.map((c) => cell(c.get(r))));
  if (options.separator !== undefined) {
    const lines = options.header === false ? cells : [columns.map((c) => c.header), ...cells];
    return lines.map((l) => l.join(options.separator)).join('\n') + (lines.length ? '\n' : '');
  }
  const all = options.header === false ? cells : [columns.map((c) => c.header), ...cells];
  const widths = columns.map((_, i) => Math.max(0, ...all.map((l) => l[i].length)));
  return all.map((l) => l.map((v, i) => (i === l.length - 1 ? v : v.padEnd(widths[i]))).join(' ').trimEnd()).join('\n') + (all.length ? '\n' : '');
}
