/**
 * Child-process entry of the benchmarks: hosts the servers under test
 * (our real server, and a bare Node HTTPS server answering the same bytes)
 * so the load driver in the parent does not share their event loop.
 * Reports `{ours, bare, auth}` URLs over IPC, answers 'cpu' with its CPU
 * time so far (`{cpuMicros}`), stops on the message 'stop'.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer } from '@corral/rapi-server';
import { sendRequest } from '@corral/testing';
import { startBareServer } from './bare-server';

/** What the host tells the parent once everything listens. */
export interface HostedServers {
  readonly ours: string;
  readonly bare: string;
  readonly auth: string;
  /** The exact bodies both servers answer, by path. */
  readonly bodies: Record<string, string>;
}

/** The paths whose bytes the bare server repeats. */
export const BARE_PATHS = ['/version', '/2/info'];

async function host(): Promise<void> {
  const ours = await startTestServer();
  const pem = readFileSync(join(ours.dataDir, 'rapi.pem'));
  const bodies = new Map<string, Buffer>();
  for (const path of BARE_PATHS) bodies.set(path, (await sendRequest(`${ours.url}${path}`, { auth: ours.writeAuth })).raw);
  const bare = await startBareServer({ key: pem, cert: pem }, bodies);
  const hosted: HostedServers = {
    ours: ours.url,
    bare: bare.url,
    auth: ours.writeAuth,
    bodies: Object.fromEntries([...bodies].map(([k, v]) => [k, v.toString('utf8')])),
  };
  process.on('message', (message) => {
    if (message === 'cpu') {
      // CPU time (user + system, microseconds) this process has used so far.
      const usage = process.cpuUsage();
      process.send?.({ cpuMicros: usage.user + usage.system });
      return;
    }
    if (message !== 'stop') return;
    void Promise.all([ours.stop(), bare.close()]).then(() => process.exit(0));
  });
  process.send?.(hosted);
}

if (require.main === module) {
  host().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
