import { compareResponses } from './compare-responses';
import type { Difference } from './difference';
import { findKnownDifference, type KnownDifference } from './known-difference';
import type { ScriptRequest } from './request-script';
import type { TargetServer } from './target-server';

/** A difference and, when it is expected, the known difference that explains it. */
export interface ReportedDifference extends Difference {
  readonly known?: KnownDifference;
}

/** The outcome of one differential run. */
export interface DifferentialReport {
  readonly reference: string;
  readonly ours: string;
  readonly requests: number;
  readonly differences: readonly ReportedDifference[];
  /** The differences no known difference explains. */
  readonly unexpected: readonly ReportedDifference[];
}

/**
 * Sends the script to both servers (consecutive requests of one
 * authentication mode together, in script order) and compares every pair of
 * responses.
 */
export async function runDifferential(
  requests: readonly ScriptRequest[],
  reference: TargetServer,
  ours: TargetServer,
  known: readonly KnownDifference[],
): Promise<DifferentialReport> {
  const differences: ReportedDifference[] = [];
  let start = 0;
  while (start < requests.length) {
    let end = start + 1;
    while (end < requests.length && requests[end]!.authMode === requests[start]!.authMode) end++;
    const batch = requests.slice(start, end);
    const mode = batch[0]!.authMode;
    const refResponses = await reference.run(batch, mode);
    const ourResponses = await ours.run(batch, mode);
    batch.forEach((req, i) => {
      for (const d of compareResponses(`${req.method} ${req.path}`, refResponses[i]!, ourResponses[i]!)) {
        differences.push({ ...d, known: findKnownDifference(d, known) });
      }
    });
    start = end;
  }
  return {
    reference: reference.label,
    ours: ours.label,
    requests: requests.length,
    differences,
    unexpected: differences.filter((d) => !d.known),
  };
}

const clip = (text: string): string => (text.length > 90 ? `${text.slice(0, 87)}...` : text);

/** The report as text: one line per difference, unexpected first, then a summary line. */
export function formatReport(report: DifferentialReport, showKnown = true): string {
  const line = (d: ReportedDifference): string =>
    `${d.known ? `known:${d.known.id}` : 'UNEXPECTED'}  ${d.request}  ${d.target}  ${d.kind} ${d.where}\n` +
    `    reference: ${clip(d.reference)}\n    ours:      ${clip(d.ours)}`;
  const lines = [`reference: ${report.reference}`, `ours: ${report.ours}`, ''];
  lines.push(...report.unexpected.map(line));
  if (showKnown) lines.push(...report.differences.filter((d) => d.known).map(line));
  const knownCount = report.differences.length - report.unexpected.length;
  lines.push('', `${report.requests} requests, ${report.unexpected.length} unexpected differences, ${knownCount} known differences`);
  return lines.join('\n');
}
