import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@corral/rapi-server';
import type { AuthMode, Credentials } from './request-script';
import { REFERENCE_CREDENTIALS } from './request-script';
import { sendScript } from './send-script';
import type { TargetServer } from './target-server';

/**
 * Our real server, started on demand on 127.0.0.1 and an ephemeral port,
 * once per authentication mode (`--require-authentication` or not), with
 * the reference's users file (`rapiuser` write, `rapiro` read) so one script
 * carries the same credentials to both sides.
 */
export function corralTarget(credentials: Credentials = REFERENCE_CREDENTIALS): TargetServer {
  const servers = new Map<AuthMode, { server: TestServer; dataDir: string }>();
  const serverFor = async (mode: AuthMode): Promise<TestServer> => {
    const existing = servers.get(mode);
    if (existing) return existing.server;
    const dataDir = mkdtempSync(join(tmpdir(), 'corral-conformance-'));
    const usersFile = join(dataDir, 'rapi', 'users');
    mkdirSync(join(dataDir, 'rapi'), { recursive: true });
    const [wUser, wPass] = credentials.write.split(':');
    const [rUser, rPass] = credentials.read.split(':');
    writeFileSync(usersFile, `${wUser} ${wPass} write\n${rUser} ${rPass} read\n`, { mode: 0o600 });
    const server = await startTestServer({ dataDir, usersFile, requireAuthentication: mode === 'require' });
    servers.set(mode, { server, dataDir });
    return server;
  };
  return {
    label: 'corral',
    run: async (requests, mode) => sendScript((await serverFor(mode)).url, requests, credentials),
    close: async () => {
      for (const { server, dataDir } of servers.values()) {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
      servers.clear();
    },
  };
}

/** Any running server at `url` (ours or Ganeti), reachable from this network namespace. */
export function urlTarget(label: string, url: string, credentials: Credentials): TargetServer {
  return { label, run: (requests) => sendScript(url, requests, credentials), close: async () => undefined };
}
