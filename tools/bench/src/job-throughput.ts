import { parseArgs } from 'node:util';
import { makeTempDir } from '@corral/testing';
import type { BenchRow } from './bench-row';
import { startBuiltServer } from './built-server';
import { benchAgent, jsonCall } from './json-call';
import { percentile } from './latency-stats';
import { formatMemoryTrend, memoryTrend, MEMORY_SAMPLE_INTERVAL_MS } from './memory-trend';

/** Ganeti 3.0.2's tag-job figures (reference PERFORMANCE.md): jobs/s and median submit -> success. */
export const GANETI_JOBS_PER_SECOND = 1.08;
export const GANETI_SUBMIT_TO_SUCCESS_MS = 34_000;

/** design.md's budget: at least this many trivial durable jobs per second with 20 concurrent clients. */
export const JOBS_PER_SECOND_BUDGET = 500;

/** What the job benchmark runs against and for how long. */
export interface JobThroughputOptions {
  /** Concurrent clients, each submitting one job and waiting for it before the next. */
  readonly clients: number;
  readonly seconds: number;
  /** A running server (`https://host:port`); absent starts the built server on a temp data dir. */
  readonly url?: string;
  /** `user:password` of a write user (required with `url`). */
  readonly auth?: string;
}

/** Figures of one run. */
export interface JobThroughputResult {
  readonly clients: number;
  readonly jobs: number;
  readonly failed: number;
  readonly seconds: number;
  readonly jobsPerSecond: number;
  /** submit -> success latency, milliseconds. */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  /**
   * The server's resident memory (MiB) sampled every 500 ms during the run
   * and once at its end,
   * only when this run started the server (unknown for `url`).
   */
  readonly rssSamplesMiB: readonly number[];
}

/** Submits one tag job and waits (through `/wait`) until it finished; returns its final status. */
async function oneJob(url: string, auth: string, tag: string): Promise<string> {
  const submitted = await jsonCall(`${url}/2/tags?tag=${tag}`, 'PUT', auth);
  if (submitted.status !== 200) return `http-${submitted.status}`;
  const id = submitted.json as number;
  let previous: unknown[] | null = null;
  for (;;) {
    const res = await jsonCall(`${url}/2/jobs/${id}/wait`, 'GET', auth, { fields: ['status'], previous_job_info: previous, previous_log_serial: 1e9 });
    const status = (res.json as { job_info: string[] }).job_info[0]!;
    if (status === 'success' || status === 'error' || status === 'canceled') return status;
    previous = [status];
  }
}

/**
 * N clients, each in a loop: submit a trivial tag job (cluster tags, one tag
 * per client so the object stays small), wait for its end, record the
 * submit -> success latency. Runs for `seconds`, then reports jobs/s. Without
 * `url` it starts the built server on a temp data dir (SQLite with
 * `synchronous = FULL`) and samples its memory during the run.
 */
export async function runJobThroughput(options: JobThroughputOptions): Promise<JobThroughputResult> {
  const dir = options.url ? undefined : makeTempDir('corral-bench-jobs-');
  const started = dir ? await startBuiltServer(dir.path) : undefined;
  const server = started
    ? { url: started.url, auth: started.generatedAuth ?? '', rss: () => started.rssMiB() }
    : { url: options.url!, auth: options.auth ?? '', rss: () => NaN };
  const rssSamplesMiB: number[] = [];
  const sampler = started ? setInterval(() => rssSamplesMiB.push(server.rss()), MEMORY_SAMPLE_INTERVAL_MS) : undefined;
  try {
    const latencies: number[] = [];
    let failed = 0;
    const begin = performance.now();
    const deadline = begin + options.seconds * 1000;
    const client = async (k: number): Promise<void> => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const status = await oneJob(server.url, server.auth, `bench${k}`);
        if (status === 'success') latencies.push(performance.now() - t0);
        else failed++;
      }
    };
    await Promise.all(Array.from({ length: options.clients }, (_, k) => client(k)));
    const seconds = (performance.now() - begin) / 1000;
    if (started) rssSamplesMiB.push(server.rss());
    latencies.sort((a, b) => a - b);
    return {
      clients: options.clients,
      jobs: latencies.length,
      failed,
      seconds,
      jobsPerSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      rssSamplesMiB,
    };
  } finally {
    if (sampler) clearInterval(sampler);
    await started?.stop();
    dir?.remove();
  }
}

/**
 * The table rows of benchmark (c) from one run: throughput and latency
 * against Ganeti's figures, and whether the server's memory stayed flat
 * over the sustained load (first sample after 1 s of load against the last).
 */
export function jobThroughputRows(r: JobThroughputResult): BenchRow[] {
  const benchmark = `tag jobs, ${r.clients} concurrent clients, ${r.seconds.toFixed(0)} s (submit -> wait -> success)`;
  const rows: BenchRow[] = [
    {
      benchmark,
      target: 'corral',
      rps: r.jobsPerSecond,
      p50: r.p50,
      p90: r.p90,
      p99: r.p99,
      errors: r.failed,
      note:
        `${r.jobs} jobs, req/s = jobs/s: ${(r.jobsPerSecond / GANETI_JOBS_PER_SECOND).toFixed(0)}x Ganeti's ${GANETI_JOBS_PER_SECOND} jobs/s; ` +
        `Ganeti submit->success ${GANETI_SUBMIT_TO_SUCCESS_MS / 1000} s = ${(GANETI_SUBMIT_TO_SUCCESS_MS / r.p50).toFixed(0)}x our p50; ` +
        `budget ${JOBS_PER_SECOND_BUDGET} jobs/s: ${r.jobsPerSecond >= JOBS_PER_SECOND_BUDGET ? 'met' : 'NOT met'}`,
    },
  ];
  const trend = memoryTrend(r.rssSamplesMiB);
  if (trend) {
    const perJob = ((trend.endMiB - trend.startMiB) * 1024) / Math.max(1, r.jobs);
    rows.push({
      benchmark: 'memory under sustained load (the job run above)',
      target: 'corral',
      note: `${formatMemoryTrend(trend, r.rssSamplesMiB.length)}; ${perJob.toFixed(1)} KiB per job run (the queue keeps finished jobs in memory)`,
    });
  }
  return rows;
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', short: 'c', default: '20' },
      seconds: { type: 'string', short: 's', default: '10' },
      url: { type: 'string' },
      auth: { type: 'string' },
    },
  });
  runJobThroughput({ clients: Number(values.clients), seconds: Number(values.seconds), url: values.url, auth: values.auth }).then(
    (r) => {
      process.stdout.write(
        `job throughput: ${r.jobs} jobs in ${r.seconds.toFixed(1)} s with ${r.clients} clients = ${r.jobsPerSecond.toFixed(0)} jobs/s` +
          ` (failed: ${r.failed})\nsubmit->success latency: p50 ${r.p50.toFixed(1)} ms, p90 ${r.p90.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms\n`,
      );
      benchAgent.destroy();
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
