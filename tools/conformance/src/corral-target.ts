import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@corral/rapi-server';
import { addReferenceHistory, initReferenceCluster, referenceNetworkModule } from './reference-environment';
import type { AuthMode, Credentials } from './request-script';
import { REFERENCE_CREDENTIALS } from './request-script';
import { sendScript } from './send-script';
import type { TargetServer } from './target-server';

/**
 * The cluster our server starts with: `reference` reproduces the reference
 * cluster (init options, node1/node2.example.com, its first jobs) so that a
 * replayed script meets the same state; `embedded` is Corral's own default
 * (one node named after this host), for requests that do not depend on state.
 */
export type CorralEnvironment = 'reference' | 'embedded';

/**
 * Our real server on 127.0.0.1 and an ephemeral port, with the reference's
 * users file (`rapiuser` write, `rapiro` read) so one script carries the same
 * credentials to both sides. One data directory for the whole run; when the
 * script switches authentication mode the server is restarted on it with or
 * without `--require-authentication`, as the reference's rapi-mode.sh
 * restarts ganeti-rapi.
 */
export function corralTarget(environment: CorralEnvironment = 'reference', credentials: Credentials = REFERENCE_CREDENTIALS): TargetServer {
  let dataDir: string | undefined;
  let current: { server: TestServer; mode: AuthMode } | undefined;

  const prepare = async (): Promise<string> => {
    const dir = mkdtempSync(join(tmpdir(), 'corral-conformance-'));
    mkdirSync(join(dir, 'rapi'), { recursive: true });
    const [wUser, wPass] = credentials.write.split(':');
    const [rUser, rPass] = credentials.read.split(':');
    writeFileSync(join(dir, 'rapi', 'users'), `${wUser} ${wPass} write\n${rUser} ${rPass} read\n`, { mode: 0o600 });
    if (environment === 'reference') await initReferenceCluster(dir);
    return dir;
  };
  const serverFor = async (mode: AuthMode): Promise<TestServer> => {
    if (current?.mode === mode) return current.server;
    const first = dataDir === undefined;
    dataDir ??= await prepare();
    if (current) await current.server.stop();
    const settings = { dataDir, usersFile: join(dataDir, 'rapi', 'users'), requireAuthentication: mode === 'require' };
    const server = await startTestServer(settings, undefined, environment === 'reference' ? [referenceNetworkModule] : []);
    current = { server, mode };
    if (first && environment === 'reference') await addReferenceHistory(server.url, credentials);
    return server;
  };
  return {
    label: `corral (${environment === 'reference' ? "reproducing the reference's cluster" : 'embedded default cluster'})`,
    run: async (requests, mode) => sendScript((await serverFor(mode)).url, requests, credentials),
    close: async () => {
      if (current) await current.server.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      current = undefined;
      dataDir = undefined;
    },
  };
}

/** Any running server at `url` (ours or Ganeti), reachable from this network namespace. */
export function urlTarget(label: string, url: string, credentials: Credentials): TargetServer {
  return { label, run: (requests) => sendScript(url, requests, credentials), close: async () => undefined };
}
