import { makeTempDir, sendRequest } from '@corral/testing';
import type { BenchRow } from './bench-row';
import { startBuiltServer } from './built-server';
import { latencyStats } from './latency-stats';
import { seedDataDir, type SeededDataDir } from './seeded-data-dir';

/** The cluster of benchmark (e): design.md's start-up budget is under 2 s for it. */
export const STARTUP_SEED = { nodes: 200, instances: 10_000, archivedJobs: 100_000 };

/** design.md's start-up budget for STARTUP_SEED, in ms. */
export const STARTUP_BUDGET_MS = 2000;

/** One start of the server process: time to listening and to the first answered request. */
interface StartMeasure {
  readonly listeningMs: number;
  readonly firstAnswerMs: number;
  readonly rssMiB: number;
}

/** Starts the built server on `dataDir`, times its first answered GET /version, notes its RSS, stops it. */
async function startOnce(dataDir: string): Promise<StartMeasure> {
  const server = await startBuiltServer(dataDir);
  try {
    const res = await sendRequest(`${server.url}/version`);
    const firstAnswerMs = performance.now() - server.startedAt;
    if (res.status !== 200) throw new Error(`/version answered ${res.status}`);
    return { listeningMs: server.listeningMs, firstAnswerMs, rssMiB: server.rssMiB() };
  } finally {
    await server.stop();
  }
}

function startupRow(benchmark: string, measures: readonly StartMeasure[], extra = ''): BenchRow {
  const answer = latencyStats(measures.map((m) => m.firstAnswerMs));
  const listening = latencyStats(measures.map((m) => m.listeningMs));
  const rss = Math.max(...measures.map((m) => m.rssMiB));
  return {
    benchmark,
    target: 'corral',
    p50: answer.p50,
    p90: answer.p90,
    note: `ms to first answer, ${measures.length} runs, max ${answer.max.toFixed(0)} ms; listening p50 ${listening.p50.toFixed(0)} ms; RSS ${rss.toFixed(0)} MiB${extra}`,
  };
}

/**
 * Benchmark (e): start-up of the built server process
 * (`node apps/rapi-server/dist/main.js`), measured to "Listening" and to
 * the first answered GET /version, with its resident memory then: first
 * start (creates the cluster, users file and TLS key), restart of the
 * embedded default, and restart with 10,000 instances on 200 nodes and
 * 100,000 archived jobs seeded through the store (budget: under 2 s).
 */
export async function runStartupBench(options: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const runs = options.quick ? 2 : 5;
  const first: StartMeasure[] = [];
  const restart: StartMeasure[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = makeTempDir('corral-bench-startup-');
    try {
      first.push(await startOnce(dir.path));
      restart.push(await startOnce(dir.path));
    } finally {
      dir.remove();
    }
  }
  const rows = [startupRow('start-up, first start (empty data dir)', first), startupRow('start-up, restart (embedded default)', restart)];

  const seeded: SeededDataDir = await seedDataDir(STARTUP_SEED);
  try {
    const big: StartMeasure[] = [];
    for (let i = 0; i < (options.quick ? 1 : 3); i++) big.push(await startOnce(seeded.dataDir));
    const p50 = latencyStats(big.map((m) => m.firstAnswerMs)).p50;
    const verdict = p50 < STARTUP_BUDGET_MS ? 'within' : 'OVER';
    const ratio = p50 / latencyStats(restart.map((m) => m.firstAnswerMs)).p50;
    rows.push(
      startupRow('start-up (10,000 instances on 200 nodes, 100,000 archived jobs)', big, `; ${ratio.toFixed(1)}x the empty restart; ${verdict} the ${STARTUP_BUDGET_MS / 1000} s budget; seeding took ${(seeded.seed.elapsedMs / 1000).toFixed(1)} s`),
    );
  } finally {
    seeded.remove();
  }
  return rows;
}
