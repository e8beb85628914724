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
