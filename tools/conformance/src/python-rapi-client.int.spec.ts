import { join } from 'node:path';
import { startTestServer, type TestServer } from '@corral/rapi-server';
import { sendRequest } from '@corral/testing';
import { pythonClientUnavailable, runPythonClient, type ClientCall, type ClientResult } from './python-rapi-client';

/**
 * Ganeti's own Python RAPI client (Debian's python3-ganeti-rapi, under
 * /usr/bin/python3) against the real server. One row per client method:
 * the call, and the exact result expected from it. All calls run in one
 * Python process; each row is its own test.
 */
interface ClientCase {
  readonly title: string;
  readonly call: ClientCall;
  /** The expected result; a function gets the running server to read live facts from. */
  readonly expected: ClientResult | ((server: TestServer) => Promise<ClientResult>);
}

const ok = (value: unknown): ClientResult => ({ ok: true, value });
const apiError = (code: number, message: string): ClientResult => ({ ok: false, error: { type: 'GanetiApiError', code, message } });
const NOT_FOUND = apiError(404, '404 Not Found: Nothing matches the given URI');

/** What GET `path` answers, as JSON: the client must hand back exactly that. */
const sameAsRaw = (path: string) => async (server: TestServer): Promise<ClientResult> =>
  ok((await sendRequest(`${server.url}${path}`, { auth: server.writeAuth })).json);

const CASES: readonly ClientCase[] = [
  { title: 'GetVersion returns 2', call: { method: 'GetVersion' }, expected: ok(2) },
  {
    title: 'GetFeatures returns the four Ganeti 3.0 features',
    call: { method: 'GetFeatures' },
    expected: ok(['instance-create-reqv1', 'instance-reinstall-reqv1', 'node-migrate-reqv1', 'node-evac-res1']),
  },
  { title: 'GetInfo returns the /2/info object unchanged', call: { method: 'GetInfo' }, expected: sameAsRaw('/2/info') },
  { title: 'GetInstance of a missing instance raises GanetiApiError 404', call: { method: 'GetInstance', args: ['doesnotexist.example.com'] }, expected: NOT_FOUND },
  { title: 'GetNode of a missing node raises GanetiApiError 404', call: { method: 'GetNode', args: ['doesnotexist.example.com'] }, expected: NOT_FOUND },
  { title: 'GetJobStatus of a malformed job id raises GanetiApiError 404', call: { method: 'GetJobStatus', args: ['abc'] }, expected: NOT_FOUND },
  // An instance lifecycle: job ids are those of a fresh server, waits poll every 50 ms.
  { title: 'CreateInstance submits job 1 (placed by the default allocator)', call: { method: 'CreateInstance', args: ['create', 'inst1.example.com', 'diskless', [], [{}]], kwargs: { os: 'noop+default', name_check: false, ip_check: false, beparams: { memory: 256 } } }, expected: ok(1) },
  { title: 'WaitForJobCompletion sees the creation succeed', call: { method: 'WaitForJobCompletion', args: [1], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'ShutdownInstance submits job 2', call: { method: 'ShutdownInstance', args: ['inst1.example.com'] }, expected: ok(2) },
  { title: 'WaitForJobCompletion sees the shutdown succeed', call: { method: 'WaitForJobCompletion', args: [2], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'StartupInstance submits job 3', call: { method: 'StartupInstance', args: ['inst1.example.com'] }, expected: ok(3) },
  { title: 'WaitForJobCompletion sees the startup succeed', call: { method: 'WaitForJobCompletion', args: [3], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'RebootInstance submits job 4', call: { method: 'RebootInstance', args: ['inst1.example.com'], kwargs: { reboot_type: 'soft' } }, expected: ok(4) },
  { title: 'WaitForJobCompletion sees the reboot succeed', call: { method: 'WaitForJobCompletion', args: [4], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'CreateInstance of a second instance submits job 5', call: { method: 'CreateInstance', args: ['create', 'inst2.example.com', 'diskless', [], [{}]], kwargs: { os: 'noop+default', name_check: false, ip_check: false, start: false } }, expected: ok(5) },
  { title: 'WaitForJobCompletion sees the second creation succeed', call: { method: 'WaitForJobCompletion', args: [5], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'DeleteInstance submits job 6', call: { method: 'DeleteInstance', args: ['inst2.example.com'] }, expected: ok(6) },
  { title: 'WaitForJobCompletion sees the deletion succeed', call: { method: 'WaitForJobCompletion', args: [6], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'GetInstances lists the remaining instance by name', call: { method: 'GetInstances' }, expected: ok(['inst1.example.com']) },
  { title: 'GetInstances(bulk=True) returns the bulk rows unchanged', call: { method: 'GetInstances', kwargs: { bulk: true } }, expected: sameAsRaw('/2/instances?bulk=1') },
  { title: 'GetInstance returns the instance, running with 256 MiB', call: { method: 'GetInstance', args: ['inst1.example.com'] }, expected: sameAsRaw('/2/instances/inst1.example.com') },
];

describe("Ganeti's Python RAPI client", () => {
  let server: TestServer;
  let results: ClientResult[];

  beforeAll(async () => {
    const missing = pythonClientUnavailable();
    if (missing) throw new Error(`The conformance suite needs Ganeti's client: ${missing}`);
    server = await startTestServer();
    const [username, password] = server.writeAuth.split(':');
    const port = Number(new URL(server.url).port);
    results = await runPythonClient(
      { host: '127.0.0.1', port, username, password, cafile: join(server.dataDir, 'rapi.pem') },
      CASES.map((c) => c.call),
    );
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('when its password is wrong', () => {
    it('GetInfo raises GanetiApiError 401', async () => {
      const [username] = server.writeAuth.split(':');
      const [result] = await runPythonClient(
        { host: '127.0.0.1', port: Number(new URL(server.url).port), username, password: 'wrong', cafile: join(server.dataDir, 'rapi.pem') },
        [{ method: 'GetInfo' }],
      );
      expect(result).toEqual(apiError(401, '401 Unauthorized: No permission -- see authorization schemes'));
    });
  });

  describe('when it verifies the certificate against another CA', () => {
    it('refuses the server with CertificateError (so the verified run above really verified)', async () => {
      const [username, password] = server.writeAuth.split(':');
      const [result] = await runPythonClient(
        { host: '127.0.0.1', port: Number(new URL(server.url).port), username, password, cafile: join(__dirname, '..', 'fixtures', 'unrelated-ca.pem') },
        [{ method: 'GetVersion' }],
      );
      expect(result).toMatchObject({ ok: false, error: { type: 'CertificateError' } });
    });
  });

  describe('when it talks to the server over verified TLS', () => {
    it.each(CASES.map((c, index) => [c.title, index] as const))('%s', async (_title, index) => {
      const { expected } = CASES[index]!;
      expect(results[index]).toEqual(typeof expected === 'function' ? await expected(server) : expected);
    });
  });
});
