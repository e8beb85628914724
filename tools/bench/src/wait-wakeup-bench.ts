import { makeTempDir } from '@corral/testing';
import type { BenchRow } from './bench-row';
import { startBuiltServer } from './built-server';
import { jsonCall } from './json-call';
import { latencyStats } from './latency-stats';
import { wakeupLatencyMs, type JobChangeTimes, type WaitAnswer } from './wakeup-sample';

/**
 * Cluster tag jobs submitted at once per round. They serialise on the
 * cluster lock, so the last ones stay queued or waiting for a while after
 * their submission was answered (a tag job alone ends within a few ms,
 * before a client's first wait would arrive).
 */
const JOBS_PER_ROUND = 100;

/** The last jobs of each burst, followed by one waiting client each. */
const FOLLOWED_PER_ROUND = 5;

/** Epoch milliseconds with sub-millisecond resolution. */
const wallMs = (): number => performance.timeOrigin + performance.now();

/** The job fields each wait asks for: the status and the timestamps that date its changes. */
const WAIT_FIELDS = ['status', 'opstart', 'opexec', 'end_ts'];

/**
 * Follows one job through GET /2/jobs/ID/wait until it ended; returns the
 * answers to waits that carried the job's previous state, each with the
 * job's timestamps as that answer reported them.
 */
async function follow(url: string, auth: string, id: number): Promise<{ answer: WaitAnswer; job: JobChangeTimes }[]> {
  const seen: { answer: WaitAnswer; job: JobChangeTimes }[] = [];
  let previous: unknown[] | null = null;
  for (;;) {
    const sentMs = wallMs();
    const res = await jsonCall(`${url}/2/jobs/${id}/wait`, 'GET', auth, { fields: WAIT_FIELDS, previous_job_info: previous, previous_log_serial: 1e9 });
    const arrivedMs = wallMs();
    const info = (res.json as { job_info: unknown[] }).job_info;
    const status = info[0] as string;
    const job = { opstart: info[1], opexec: info[2], end_ts: info[3] } as JobChangeTimes;
    if (previous !== null) seen.push({ answer: { status, sentMs, arrivedMs }, job });
    if (status === 'success' || status === 'error' || status === 'canceled') return seen;
    previous = info;
  }
}

/**
 * Benchmark (d): wait-for-change wake-up latency. Each round submits a burst
 * of cluster tag jobs at once and follows the last few with
 * GET /2/jobs/ID/wait, one client each, every wait carrying the state seen
 * before, so it sleeps until its job changes (waiting -> running ->
 * success). A wake-up's latency runs from the job's own timestamp of the
 * change (opstart, opexec, end_ts, as the answer reports them) to the
 * answer arriving; answers to waits sent after the change (which never
 * slept) are not counted. A success is answered once the job's commit is
 * durable (fsync), so that wake-up includes it.
 */
export async function runWaitWakeupBench(options: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const rounds = options.quick ? 5 : 80;
  const maxDurationMs = options.quick ? 5_000 : 30_000;
  const dir = makeTempDir('corral-bench-wait-');
  const server = await startBuiltServer(dir.path);
  const auth = server.generatedAuth ?? '';
  const samples: number[] = [];
  let answers = 0;
  let done = 0;
  try {
    const deadline = performance.now() + maxDurationMs;
    for (; done < rounds && performance.now() < deadline; done++) {
      const submits = Array.from({ length: JOBS_PER_ROUND }, (_, j) => jsonCall(`${server.url}/2/tags?tag=wait${j}`, 'PUT', auth));
      const ids = (await Promise.all(submits)).map((r) => r.json as number);
      const tail = [...ids].sort((a, b) => a - b).slice(-FOLLOWED_PER_ROUND);
      const followed = await Promise.all(tail.map((id) => follow(server.url, auth, id)));
      for (const { answer, job } of followed.flat()) {
        answers++;
        const latency = wakeupLatencyMs(answer, job);
        if (latency !== undefined) samples.push(latency);
      }
    }
  } finally {
    await server.stop();
    dir.remove();
  }
  const stats = latencyStats(samples);
  return [
    {
      benchmark: `wait-for-change wake-up (GET /2/jobs/ID/wait; ${done} bursts of ${JOBS_PER_ROUND} jobs, last ${FOLLOWED_PER_ROUND} followed)`,
      target: 'corral',
      p50: stats.p50,
      p90: stats.p90,
      p99: stats.p99,
      note: `ms from the job's change timestamp to the answer; ${samples.length} sleeping waits of ${answers} answers; max ${stats.max.toFixed(1)} ms (server stamps whole ms)`,
    },
  ];
}
