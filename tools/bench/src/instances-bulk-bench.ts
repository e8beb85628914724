import { startTestServer, type TestServer } from '@corral/rapi-server';
import { sendRequest } from '@corral/testing';
import type { BenchRow } from './bench-row';
import { runLoad } from './load-driver';

/** Fills a running server's cluster with `count` instances (spread over nodes) through the store. */
export type InstanceSeeder = (server: TestServer, count: number) => Promise<void>;

/** The cluster sizes of benchmark (b). */
export const BULK_SIZES = [100, 1000, 10_000];

/**
 * Benchmark (b), ready for when instances exist: for each size, a fresh
 * server seeded by `seed`, then GET /2/instances?bulk=1 from one keep-alive
 * client; latency percentiles, response size and the process's resident
 * memory after the run (server and driver share this process). Not wired
 * into `npm run bench` until a seeder exists: see pending-benches.ts.
 */
export async function runInstancesBulkBench(seed: InstanceSeeder, options: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of BULK_SIZES) {
    const server = await startTestServer();
    try {
      await seed(server, size);
      const url = `${server.url}/2/instances?bulk=1`;
      const probe = await sendRequest(url, { auth: server.writeAuth });
      if (probe.status !== 200 || !Array.isArray(probe.json) || probe.json.length !== size)
        throw new Error(`GET /2/instances?bulk=1 after seeding ${size} instances answered ${probe.status} with ${Array.isArray(probe.json) ? probe.json.length : 'no'} items`);
      const requests = options.quick ? 5 : Math.max(20, Math.round(20_000 / size) * 10);
      const result = await runLoad({ url, auth: server.writeAuth, keepAlive: true, concurrency: 1, requests, maxDurationMs: options.quick ? 5_000 : 30_000 });
      const rss = process.memoryUsage().rss / (1024 * 1024);
      rows.push({
        benchmark: `GET /2/instances?bulk=1 (${size.toLocaleString('en')} instances)`,
        target: 'corral',
        rps: result.requestsPerSecond,
        p50: result.p50,
        p90: result.p90,
        p99: result.p99,
        errors: result.errors,
        note: `${(probe.raw.length / 1024).toFixed(0)} KiB body; RSS ${rss.toFixed(0)} MiB (server + driver); Ganeti: 140-315 ms at 5-49 instances`,
      });
    } finally {
      await server.stop();
    }
  }
  return rows;
}
