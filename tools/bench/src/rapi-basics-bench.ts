import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { BenchRow } from './bench-row';
import { mergeLoadResults, runLoad, type LoadResult } from './load-driver';
import type { HostedServers } from './server-host';
import { BARE_PATHS } from './server-host';

/** Ganeti 3.0.2's median for GET /version and /2/info, one new TLS connection per request (reference PERFORMANCE.md). */
export const GANETI_P50_NEW_CONNECTION_MS = 56;

/** How much load each mode applies; `quick` is for smoke runs. */
export interface RapiBasicsOptions {
  readonly quick?: boolean;
}

/** One way of loading the server; `maxDurationMs` bounds each round. */
interface Mode {
  readonly name: string;
  readonly keepAlive: boolean;
  readonly concurrency: number;
  readonly requests: number;
  readonly maxDurationMs: number;
}

/** Measured rounds per target, alternating ours and bare. */
const ROUNDS = 4;

function modes(quick: boolean): Mode[] {
  return [
    { name: 'keep-alive, 8 clients', keepAlive: true, concurrency: 8, requests: quick ? 200 : 4000, maxDurationMs: quick ? 500 : 3000 },
    { name: 'new TLS conn/request, 1 client', keepAlive: false, concurrency: 1, requests: quick ? 20 : 400, maxDurationMs: quick ? 500 : 3000 },
  ];
}

/** The running server host: its servers, its CPU time so far, and a way to stop it. */
interface Host {
  readonly hosted: HostedServers;
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

function startHost(): Promise<Host> {
  const child = fork(join(__dirname, 'server-host.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server host exited with ${code}`)));
    child.once('message', (hosted) => {
      child.removeAllListeners('exit');
      resolve({
        hosted: hosted as HostedServers,
        cpuMicros: () =>
          new Promise<number>((done) => {
            child.once('message', (m) => done((m as { cpuMicros: number }).cpuMicros));
            child.send('cpu');
          }),
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.send('stop');
          }),
      });
    });
  });
}

/**
 * Benchmark (a): GET /version and GET /2/info on our server and on a bare
 * Node HTTPS server answering the same bytes, both hosted in one child
 * process, measured alternately in the same run, with keep-alive and with
 * a new TLS connection per request (as Ganeti, which closes every
 * connection, is always used).
 */
export async function runRapiBasicsBench(options: RapiBasicsOptions = {}): Promise<BenchRow[]> {
  const host = await startHost();
  const { hosted } = host;
  const rows: BenchRow[] = [];
  try {
    for (const path of BARE_PATHS) {
      for (const mode of modes(options.quick ?? false)) {
        const load = (base: string, requests = mode.requests): Promise<LoadResult> =>
          runLoad({ url: `${base}${path}`, auth: hosted.auth, keepAlive: mode.keepAlive, concurrency: mode.concurrency, requests, maxDurationMs: mode.maxDurationMs });
        await load(hosted.ours, Math.ceil(mode.requests / 10));
        await load(hosted.bare, Math.ceil(mode.requests / 10));
        // Alternate rounds so that load from elsewhere on the machine hits both alike.
        const oursRounds: LoadResult[] = [];
        const bareRounds: LoadResult[] = [];
        let oursCpu = 0;
        let bareCpu = 0;
        for (let round = 0; round < ROUNDS; round++) {
          const c0 = await host.cpuMicros();
          oursRounds.push(await load(hosted.ours, Math.ceil(mode.requests / ROUNDS)));
          const c1 = await host.cpuMicros();
          bareRounds.push(await load(hosted.bare, Math.ceil(mode.requests / ROUNDS)));
          const c2 = await host.cpuMicros();
          oursCpu += c1 - c0;
          bareCpu += c2 - c1;
        }
        const ours = mergeLoadResults(oursRounds);
        const bare = mergeLoadResults(bareRounds);
        const benchmark = `GET ${path} (${mode.name})`;
        const perRequest = (cpu: number, r: LoadResult): number => cpu / Math.max(1, r.requests + r.errors);
        const oursCpuPerRequest = perRequest(oursCpu, ours);
        const bareCpuPerRequest = perRequest(bareCpu, bare);
        let note = `${(ours.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}x bare req/s; server CPU ${oursCpuPerRequest.toFixed(0)} µs/req`;
        if (!mode.keepAlive) note += `; Ganeti p50 ${GANETI_P50_NEW_CONNECTION_MS} ms = ${(GANETI_P50_NEW_CONNECTION_MS / ours.p50).toFixed(1)}x ours`;
        rows.push({ benchmark, target: 'corral', rps: ours.requestsPerSecond, p50: ours.p50, p90: ours.p90, p99: ours.p99, errors: ours.errors, note });
        rows.push({ benchmark, target: 'bare node https', rps: bare.requestsPerSecond, p50: bare.p50, p90: bare.p90, p99: bare.p99, errors: bare.errors, note: `same bytes; server CPU ${bareCpuPerRequest.toFixed(0)} µs/req` });
      }
    }
  } finally {
    await host.stop();
  }
  return rows;
}
