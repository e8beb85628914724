import { sendRequest } from '@corral/testing';
import type { BenchRow } from './bench-row';
import { startBuiltServer } from './built-server';
import { runLoad } from './load-driver';
import { seedDataDir } from './seeded-data-dir';

/** The cluster sizes of benchmark (b). */
export const BULK_SIZES = [100, 1000, 10_000];

/** Nodes for a cluster of `instances`: one per 50 instances, at most 200 (10,000 instances on 200 nodes). */
export function bulkNodeCount(instances: number): number {
  return Math.min(200, Math.max(1, Math.ceil(instances / 50)));
}

/** design.md's budget for 10,000 instances on 200 nodes: "tens of milliseconds", read as a p50 under 100 ms. */
export const BULK_10K_BUDGET_MS = 100;

/** The note of a row whose resource the server under test does not have. */
export const BULK_PENDING_NOTE = 'pending: /2/instances not on this build';

function label(size: number): string {
  return `GET /2/instances?bulk=1 (${size.toLocaleString('en')} instances, ${bulkNodeCount(size)} nodes)`;
}

/**
 * Benchmark (b): for each size, a data directory seeded through the store
 * (seedDataDir), the built server started on it in its own process, then
 * GET /2/instances?bulk=1 from one keep-alive client: latency percentiles,
 * response size, and the server's resident memory before and after the run.
 * Where the build has no /2/instances (404) the rows say so, and a wrong
 * answer (status or item count) becomes a FAILED row, instead of failing the run.
 */
export async function runInstancesBulkBench(options: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const size of BULK_SIZES) {
    const seeded = await seedDataDir({ nodes: bulkNodeCount(size), instances: size, archivedJobs: 0 });
    try {
      const server = await startBuiltServer(seeded.dataDir);
      try {
        const url = `${server.url}/2/instances?bulk=1`;
        const rssBefore = server.rssMiB();
        const probe = await sendRequest(url, { auth: seeded.auth });
        if (probe.status === 404) {
          rows.push({ benchmark: label(size), target: 'corral', note: BULK_PENDING_NOTE });
          continue;
        }
        if (probe.status !== 200 || !Array.isArray(probe.json) || probe.json.length !== size) {
          // A wrong answer is a finding to show in the table, not a reason to lose the other rows.
          const items = Array.isArray(probe.json) ? `${probe.json.length} items` : probe.text.slice(0, 120).trim();
          rows.push({ benchmark: label(size), target: 'corral', errors: 1, note: `FAILED: answered ${probe.status} with ${items}` });
          continue;
        }
        const requests = options.quick ? 5 : Math.min(400, Math.max(20, Math.round(200_000 / size)));
        const result = await runLoad({ url, auth: seeded.auth, keepAlive: true, concurrency: 1, requests, maxDurationMs: options.quick ? 5_000 : 20_000 });
        const rssAfter = server.rssMiB();
        rows.push({
          benchmark: label(size),
          target: 'corral',
          rps: result.requestsPerSecond,
          p50: result.p50,
          p90: result.p90,
          p99: result.p99,
          errors: result.errors,
          note:
            `${result.requests} req, ${(probe.raw.length / 1024).toFixed(0)} KiB body; server RSS ${rssBefore.toFixed(0)} -> ${rssAfter.toFixed(0)} MiB; ` +
            `Ganeti: 140-315 ms at 5-49 instances` +
            (size === 10_000 ? `; budget tens of ms (p50 < ${BULK_10K_BUDGET_MS}): ${result.p50 < BULK_10K_BUDGET_MS ? 'met' : 'NOT met'}` : ''),
        });
      } finally {
        await server.stop();
      }
    } finally {
      seeded.remove();
    }
  }
  return rows;
}
