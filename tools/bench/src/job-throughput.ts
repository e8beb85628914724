import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from './latency-stats';

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
  readonly jobs: number;
  readonly failed: number;
  readonly seconds: number;
  readonly jobsPerSecond: number;
  /** submit -> success latency, milliseconds. */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 256, rejectUnauthorized: false });

function call(url: string, method: string, auth: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((done, fail) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      url,
      {
        method,
        agent,
        auth,
        headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          done({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null });
        });
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

/** Starts `apps/rapi-server/dist/main.js` on a temp dir and a free port; gives its url and credentials. */
async function startServer(): Promise<{ url: string; auth: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'corral-bench-'));
  const main = resolve(__dirname, '../../../apps/rapi-server/dist/main.js');
  const child: ChildProcess = spawn(process.execPath, [main, '--data-dir', dataDir, '-p', '0', '-b', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((done, fail) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/Listening on/.test(output) && /password: \S+/.test(output)) done();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited with ${code}: ${output}`)));
  });
  const url = /Listening on (\S+)/.exec(output)![1]!;
  const password = /password: (\S+)/.exec(output)![1]!;
  return {
    url,
    auth: `corral:${password}`,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Submits one tag job and waits (through `/wait`) until it finished; returns its final status. */
async function oneJob(url: string, auth: string, tag: string): Promise<string> {
  const submitted = await call(`${url}/2/tags?tag=${tag}`, 'PUT', auth);
  if (submitted.status !== 200) return `http-${submitted.status}`;
  const id = submitted.json as number;
  let previous: unknown[] | null = null;
  for (;;) {
    const res = await call(`${url}/2/jobs/${id}/wait`, 'GET', auth, { fields: ['status'], previous_job_info: previous, previous_log_serial: 1e9 });
    const status = (res.json as { job_info: string[] }).job_info[0]!;
    if (status === 'success' || status === 'error' || status === 'canceled') return status;
    previous = [status];
  }
}

/**
 * N clients, each in a loop: submit a trivial tag job (cluster tags, one tag
 * per client so the object stays small), wait for its end, record the
 * submit -> success latency. Runs for `seconds`, then reports jobs/s.
 */
export async function runJobThroughput(options: JobThroughputOptions): Promise<JobThroughputResult> {
  const server = options.url ? { url: options.url, auth: options.auth ?? '', stop: async () => undefined } : await startServer();
  try {
    const latencies: number[] = [];
    let failed = 0;
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    const client = async (k: number): Promise<void> => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        const status = await oneJob(server.url, server.auth, `bench${k}`);
        if (status === 'success') latencies.push(performance.now() - t0);
        else failed++;
      }
    };
    await Promise.all(Array.from({ length: options.clients }, (_, k) => client(k)));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      jobs: latencies.length,
      failed,
      seconds,
      jobsPerSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
    };
  } finally {
    await server.stop();
  }
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
        `job throughput: ${r.jobs} jobs in ${r.seconds.toFixed(1)} s with ${values.clients} clients = ${r.jobsPerSecond.toFixed(0)} jobs/s` +
          ` (failed: ${r.failed})\nsubmit->success latency: p50 ${r.p50.toFixed(1)} ms, p90 ${r.p90.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms\n`,
      );
      agent.destroy();
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
