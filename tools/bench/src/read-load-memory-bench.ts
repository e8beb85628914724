import { makeTempDir } from '@corral/testing';
import type { BenchRow } from './bench-row';
import { startBuiltServer } from './built-server';
import { runLoad } from './load-driver';
import { formatMemoryTrend, memoryTrend, MEMORY_SAMPLE_INTERVAL_MS } from './memory-trend';

/**
 * Memory under a sustained read load: the built server in its own process,
 * GET /2/info from 8 keep-alive clients for a fixed time, its resident
 * memory sampled every 500 ms. Nothing is retained per request, so the
 * memory should stay flat (the job run's row shows the jobs it keeps).
 */
export async function runReadLoadMemoryBench(options: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const seconds = options.quick ? 3 : 15;
  const dir = makeTempDir('corral-bench-memory-');
  const server = await startBuiltServer(dir.path);
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(server.rssMiB()), MEMORY_SAMPLE_INTERVAL_MS);
  try {
    const result = await runLoad({ url: `${server.url}/2/info`, keepAlive: true, concurrency: 8, requests: 1_000_000, maxDurationMs: seconds * 1000 });
    clearInterval(sampler);
    samples.push(server.rssMiB());
    const trend = memoryTrend(samples);
    return [
      {
        benchmark: `memory under sustained load (GET /2/info, keep-alive, 8 clients, ${seconds} s)`,
        target: 'corral',
        rps: result.requestsPerSecond,
        p50: result.p50,
        p90: result.p90,
        p99: result.p99,
        errors: result.errors,
        note: trend ? `${result.requests} req; ${formatMemoryTrend(trend, samples.length)}` : 'too short to sample memory',
      },
    ];
  } finally {
    clearInterval(sampler);
    await server.stop();
    dir.remove();
  }
}
