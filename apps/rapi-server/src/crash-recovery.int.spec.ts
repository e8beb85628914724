import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sendRequest } from '@corral/testing';
import { DATABASE_FILE, openSqliteDatabase } from '@corral/store';

const MAIN = resolve(__dirname, '../dist/main.js');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Starts the built server; resolves once it listens, with its stdout so far. */
function startChild(dataDir: string, port: number): Promise<{ child: ChildProcess; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [MAIN, '--data-dir', dataDir, '-p', String(port), '-b', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Listening on')) setTimeout(() => done({ child, output }), 50);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited with ${code}: ${output}`)));
  });
}

describe('the server killed with SIGKILL during job submissions', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'corral-crash-'));
  });
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged job, runs none twice, and config agrees with job state', async () => {
    const port = await freePort();
    const first = await startChild(dataDir, port);
    child = first.child;
    const password = /password: (\S+)/.exec(first.output)![1]!;
    const auth = `corral:${password}`;
    const url = `https://127.0.0.1:${port}`;

    const acked = new Map<number, string>();
    let stop = false;
    let counter = 0;
    const client = async (): Promise<void> => {
      while (!stop) {
        const tag = `t${counter++}`;
        try {
          const res = await sendRequest(`${url}/2/tags?tag=${tag}`, { method: 'PUT', auth });
          if (res.status === 200) acked.set(res.json as number, tag);
        } catch {
          return; // the server died mid-request: not acknowledged
        }
      }
    };
    const clients = Array.from({ length: 8 }, () => client());
    while (acked.size < 150) await new Promise((r) => setTimeout(r, 5));
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGKILL');
    stop = true;
    await exited;
    await Promise.all(clients);

    const second = await startChild(dataDir, port);
    child = second.child;
    const jobs = ((await sendRequest(`${url}/2/jobs`)).json as { id: number }[]).map((j) => j.id);
    for (const id of acked.keys()) expect(jobs).toContain(id);

    const tags = new Set((await sendRequest(`${url}/2/tags`)).json as string[]);
    let succeeded = 0;
    for (const [id, tag] of acked) {
      let job: { status: string; ops: { tags: string[] }[]; opresult: unknown[] };
      for (;;) {
        job = (await sendRequest(`${url}/2/jobs/${id}`)).json as typeof job;
        if (['success', 'error', 'canceled'].includes(job.status)) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(job.ops[0]!.tags).toEqual([tag]);
      const current = new Set((await sendRequest(`${url}/2/tags`)).json as string[]);
      if (job.status === 'success') {
        succeeded++;
        expect(current.has(tag)).toBe(true);
      } else {
        expect(job.opresult).toEqual([['OpExecError', ['The server restarted while this opcode was running; it was stopped']]]);
        expect(current.has(tag)).toBe(false);
        expect(tags.has(tag)).toBe(false);
      }
    }
    expect(succeeded).toBeGreaterThan(0);

    // every successful tag job changed the cluster exactly once: its serial counts them
    const all = ((await sendRequest(`${url}/2/jobs?bulk=1`)).json as { status: string }[]).filter((j) => j.status === 'success').length;
    const exitedAgain = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exitedAgain;
    const db = openSqliteDatabase(join(dataDir, DATABASE_FILE));
    const cluster = JSON.parse((db.prepare("SELECT data FROM config_objects WHERE kind = 'cluster'").get() as { data: string }).data);
    db.close();
    expect(cluster.serial_no).toBe(1 + all);
  }, 60_000);
});
