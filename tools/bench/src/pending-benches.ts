import type { BenchRow } from './bench-row';

/**
 * Benchmarks that need resources still being built. Each stays a table row
 * marked pending until its prerequisite lands on main:
 * (b) GET /2/instances?bulk=1 at 100 / 1,000 / 10,000 instances seeded
 *     through the store (needs the instance model and /2/instances): the
 *     measurement is ready in instances-bulk-bench.ts; write an
 *     InstanceSeeder, call runInstancesBulkBench(seeder) from main.ts and
 *     drop these rows;
 * (e) start-up time with 10,000 instances and 100,000 archived jobs (needs
 *     the instance model and the job archive): startup-bench.ts measures the
 *     empty cluster today; seed the data dir before `startOnce` for this one.
 */
export function pendingBenchRows(): BenchRow[] {
  const bulk = [100, 1000, 10_000].map((n) => ({
    benchmark: `GET /2/instances?bulk=1 (${n.toLocaleString('en')} instances)`,
    target: 'corral',
    note: 'pending: needs the instance model and /2/instances',
  }));
  return [
    ...bulk,
    { benchmark: 'start-up (10,000 instances, 100,000 archived jobs)', target: 'corral', note: 'pending: needs the instance model and the job archive' },
  ];
}
