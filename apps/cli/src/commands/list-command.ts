import { UsageError } from '../cli-error';
import type { Command, CommandContext } from '../command';
import { formatTable, selectColumns, type Column } from '../output/format-table';

type Row = Record<string, unknown>;

/** The list options every `list` command takes. */
export const listOptions = {
  output: { type: 'string', short: 'o' },
  'no-headers': { type: 'boolean' },
  separator: { type: 'string' },
} as const;

/** A column per field name, reading the bulk item's key of that name. */
export function fieldColumns(fields: readonly string[], headers: Record<string, string> = {}): Column<Row>[] {
  return fields.map((f) => ({ name: f, header: headers[f] ?? f.charAt(0).toUpperCase() + f.slice(1), get: (r: Row) => r[f] }));
}

/** Prints bulk rows as a table with `-o` field selection, or as JSON. */
export function printRows(ctx: CommandContext, rows: Row[], fields: readonly string[], defaults: readonly string[]): void {
  const wanted = typeof ctx.options.output === 'string' ? ctx.options.output.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  let columns: Column<Row>[];
  try {
    const known = [...new Set([...fields, ...rows.flatMap((r) => Object.keys(r))])];
    columns = selectColumns(fieldColumns(known), wanted, defaults);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (ctx.json) {
    ctx.print(rows.map((r) => Object.fromEntries(columns.map((c) => [c.name, r[c.name] ?? null]))));
    return;
  }
  ctx.io.out(formatTable(rows, columns, { header: !ctx.options['no-headers'], separator: ctx.options.separator as string | undefined }));
}

/** Builds `<group> list` over a bulk listing. */
export function listCommand(group: string, summary: string, load: (ctx: CommandContext) => Promise<Row[]>, defaults: readonly string[]): Command {
  return {
    words: [group, 'list'],
    summary,
    usage: '[-o FIELD,...] [--no-headers] [--separator SEP]',
    options: listOptions,
    args: 0,
    run: async (ctx) => {
      printRows(ctx, await load(ctx), defaults, defaults);
      return 0;
    },
  };
}

/** Builds `<group> info NAME`: the single item as YAML-like text or JSON. */
export function infoCommand(group: string, summary: string, load: (ctx: CommandContext, name: string) => Promise<unknown>): Command {
  return {
    words: [group, 'info'],
    summary,
    usage: 'NAME',
    args: 1,
    run: async (ctx) => {
      const value = await load(ctx, ctx.args[0]);
      ctx.print(value, () => describe(value, 0));
      return 0;
    },
  };
}

function describe(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0 ? `${pad}${k}:\n${describe(v, depth + 1)}` : `${pad}${k}: ${inline(v)}\n`))
      .join('');
  }
  return `${pad}${inline(value)}\n`;
}

function inline(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (Array.isArray(v)) return v.length === 0 ? '[]' : v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
