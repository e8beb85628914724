import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, sendRequest } from '@corral/testing';
import type { BenchRow } from './bench-row';
import { latencyStats } from './latency-stats';

/** The built server entry point (`corral-rapi`), from tools/bench/src or tools/bench/dist. */
function serverMain(): string {
  return join(__dirname, '..', '..', '..', 'apps', 'rapi-server', 'dist', 'main.js');
}

/** Resident memory of a process in MiB, from /proc (Linux). */
export function residentMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** One start of the server process: time to listening and to the first answered request. */
interface StartMeasure {
  readonly listeningMs: number;
  readonly firstAnswerMs: number;
  readonly rssMiB: number;
}

function startOnce(dataDir: string): Promise<StartMeasure> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [serverMain(), '--data-dir', dataDir, '-p', '0', '-b', '127.0.0.1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    child.once('exit', (code) => reject(new Error(`corral-rapi exited with ${code}: ${log}`)));
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const url = /Listening on (\S+)/.exec(log)?.[1];
      if (!url) return;
      child.stderr.removeAllListeners('data');
      child.stderr.resume();
      const listeningMs = performance.now() - t0;
      void sendRequest(`${url}/version`).then((res) => {
        const firstAnswerMs = performance.now() - t0;
        const rssMiB = residentMiB(child.pid!);
        child.removeAllListeners('exit');
        child.once('exit', () => (res.status === 200 ? resolve({ listeningMs, firstAnswerMs, rssMiB }) : reject(new Error(`/version answered ${res.status}`))));
        child.kill('SIGTERM');
      }, reject);
    });
  });
}

/**
 * Benchmark (e), the part that runs today: start-up of the built server
 * process (`node apps/rapi-server/dist/main.js`) on the embedded default,
 * first start (creates the cluster, users file and TLS key) and restart
 * (existing data dir), measured to "Listening" and to the first answered
 * GET /version, with the resident memory at that point. The 10,000
 * instances / 100,000 archived jobs variant is pending (pending-benches.ts).
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
  const row = (benchmark: string, measures: StartMeasure[]): BenchRow => {
    const answer = latencyStats(measures.map((m) => m.firstAnswerMs));
    const listening = latencyStats(measures.map((m) => m.listeningMs));
    const rss = Math.max(...measures.map((m) => m.rssMiB));
    return {
      benchmark,
      target: 'corral',
      p50: answer.p50,
      p90: answer.p90,
      note: `ms to first answer, ${runs} runs, max ${answer.max.toFixed(0)} ms; listening p50 ${listening.p50.toFixed(0)} ms; RSS ${rss.toFixed(0)} MiB`,
    };
  };
  return [row('start-up, first start (empty data dir)', first), row('start-up, restart (embedded default)', restart)];
}
