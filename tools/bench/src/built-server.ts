import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The built server entry point (`corral-rapi`), from tools/bench/src or tools/bench/dist. */
export function serverMain(): string {
  return join(__dirname, '..', '..', '..', 'apps', 'rapi-server', 'dist', 'main.js');
}

/** Resident memory of a process in MiB, from /proc (Linux). */
export function residentMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/**
 * The built server running as its own process, as an operator starts it:
 * its url, its pid (for memory figures), the write user's credentials when
 * this start generated them (first start on an empty data directory), and
 * how long it took to log "Listening".
 */
export interface BuiltServer {
  readonly url: string;
  readonly pid: number;
  /** `user:password`, only on a first start (the users file keeps a hash afterwards). */
  readonly generatedAuth?: string;
  readonly listeningMs: number;
  /** `performance.now()` when the process was spawned, to time the first answer from. */
  readonly startedAt: number;
  rssMiB(): number;
  /** SIGTERM, resolved once the process exited; the data directory stays. */
  stop(): Promise<void>;
}

/** Starts `apps/rapi-server/dist/main.js` on `dataDir`, 127.0.0.1 and a free port, over HTTPS. */
export function startBuiltServer(dataDir: string): Promise<BuiltServer> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [serverMain(), '--data-dir', dataDir, '-p', '0', '-b', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    const onExit = (code: number | null): void => reject(new Error(`corral-rapi exited with ${code}: ${log}`));
    child.once('exit', onExit);
    let listeningMs: number | undefined;
    const onData = (chunk: Buffer): void => {
      log += chunk.toString('utf8');
      const url = /Listening on (\S+)/.exec(log)?.[1];
      if (!url) return;
      listeningMs ??= performance.now() - t0;
      // A first start logs the generated credentials right after "Listening".
      const credentials = /user '([^']+)' with password: (\S+)/.exec(log);
      if (/Initialised cluster/.test(log) && !credentials) return;
      const user = credentials?.[1];
      const password = credentials?.[2];
      child.stdout.removeListener('data', onData);
      child.stderr.removeListener('data', onData);
      child.stdout.resume();
      child.stderr.resume();
      child.removeListener('exit', onExit);
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      resolve({
        url,
        pid: child.pid!,
        generatedAuth: password ? `${user}:${password}` : undefined,
        listeningMs,
        startedAt: t0,
        rssMiB: () => residentMiB(child.pid!),
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}
