import type { BenchRow } from './bench-row';

/**
 * Benchmarks that need resources still being built. Each stays a table row
 * marked pending until its prerequisite lands on main:
 * (e) start-up time with 10,000 instances and 100,000 archived jobs (needs
 *     the instance model and the job archive): startup-bench.ts measures the
 *     empty cluster today; seed the data dir before `startOnce` for this one.
 */
export function pendingBenchRows(): BenchRow[] {
  return [
    { benchmark: 'start-up (10,000 instances, 100,000 archived jobs)', target: 'corral', note: 'pending: needs the instance model and the job archive' },
  ];
}
