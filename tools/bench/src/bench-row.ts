/** One line of the benchmark table. */
export interface BenchRow {
  readonly benchmark: string;
  readonly target: string;
  /** Requests per second, or undefined where it does not apply. */
  readonly rps?: number;
  readonly p50?: number;
  readonly p90?: number;
  readonly p99?: number;
  readonly errors?: number;
  /** A ratio or a note, e.g. "0.62x bare" or "pending: needs instances". */
  readonly note: string;
}

const num = (value: number | undefined, digits: number): string => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits));

/** The rows as a Markdown table (readable in a terminal, pasteable into the README). */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const header = ['benchmark', 'target', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'errors', 'ratio / note'];
  const cells = rows.map((r) => [r.benchmark, r.target, num(r.rps, 0), num(r.p50, 2), num(r.p90, 2), num(r.p99, 2), r.errors === undefined ? '-' : String(r.errors), r.note]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]): string => '| ' + c.map((v, i) => v.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...cells.map(line)].join('\n');
}
