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

const KEPT_FILTER = '11111111-2222-3333-4444-555555555555';
const GONE_FILTER = '66666666-7777-8888-9999-000000000000';
const wait = (id: number): ClientCall => ({ method: 'WaitForJobCompletion', args: [id], kwargs: { period: 0.05 } });
const rawJson = async (server: TestServer, path: string): Promise<unknown> => (await sendRequest(`${server.url}${path}`, { auth: server.writeAuth })).json;
/** The uuid of the one filter the suite added with AddFilter (the others have fixed uuids). */
const addedFilter = async (server: TestServer): Promise<ClientResult> =>
  ok(((await rawJson(server, '/2/filters')) as { uuid: string }[]).map((f) => f.uuid).filter((u) => u !== KEPT_FILTER));

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
  // Networks, query and filters (issue 7b). Jobs are numbered from 1 on the fresh server; each is waited for.
  { title: 'CreateNetwork (null keys in the body) returns job 1', call: { method: 'CreateNetwork', args: ['testnet', '10.99.0.0/28'], kwargs: { gateway: '10.99.0.1', add_reserved_ips: '10.99.0.5', tags: 'a' } }, expected: ok(1) },
  { title: 'WaitForJobCompletion(1): the network was added', call: wait(1), expected: ok(true) },
  { title: 'CreateNetwork of a second network returns job 2', call: { method: 'CreateNetwork', args: ['gonenet', '10.98.0.0/24'] }, expected: ok(2) },
  { title: 'WaitForJobCompletion(2)', call: wait(2), expected: ok(true) },
  { title: 'ConnectNetwork returns job 3', call: { method: 'ConnectNetwork', args: ['testnet', 'default', 'bridged', 'br0'] }, expected: ok(3) },
  { title: 'WaitForJobCompletion(3): connected', call: wait(3), expected: ok(true) },
  { title: 'DisconnectNetwork returns job 4', call: { method: 'DisconnectNetwork', args: ['testnet', 'default'] }, expected: ok(4) },
  { title: 'WaitForJobCompletion(4): disconnected', call: wait(4), expected: ok(true) },
  { title: 'ModifyNetwork returns job 5', call: { method: 'ModifyNetwork', args: ['testnet'], kwargs: { mac_prefix: 'aa:00:00', remove_reserved_ips: ['10.99.0.5'] } }, expected: ok(5) },
  { title: 'WaitForJobCompletion(5): modified', call: wait(5), expected: ok(true) },
  { title: 'DeleteNetwork returns job 6', call: { method: 'DeleteNetwork', args: ['gonenet'] }, expected: ok(6) },
  { title: 'WaitForJobCompletion(6): deleted', call: wait(6), expected: ok(true) },
  { title: 'GetNetworks lists the remaining network by name', call: { method: 'GetNetworks' }, expected: ok(['testnet']) },
  { title: 'GetNetwork returns /2/networks/testnet unchanged', call: { method: 'GetNetwork', args: ['testnet'] }, expected: sameAsRaw('/2/networks/testnet') },
  { title: 'GetNetwork of a missing network raises GanetiApiError 404', call: { method: 'GetNetwork', args: ['gonenet'] }, expected: NOT_FOUND },
  { title: 'Query (qfilter and legacy filter in the body) returns data and fields', call: { method: 'Query', args: ['network', ['name', 'group_cnt', 'mac_prefix', 'free_count'], ['=', 'name', 'testnet']] }, expected: ok({ data: [[[0, 'testnet'], [0, 0], [0, 'aa:00:00'], [0, 13]]], fields: [{ name: 'name', title: 'Network', kind: 'text', doc: 'Name' }, { name: 'group_cnt', title: 'NodeGroups', kind: 'number', doc: 'Number of nodegroups' }, { name: 'mac_prefix', title: 'MacPrefix', kind: 'other', doc: 'MAC address prefix' }, { name: 'free_count', title: 'FreeCount', kind: 'number', doc: 'Number of available addresses' }] }) },
  { title: 'QueryFields returns the named fields (sample 114)', call: { method: 'QueryFields', args: ['node', ['name', 'pip']] }, expected: ok({ fields: [{ name: 'name', title: 'Node', kind: 'text', doc: 'Node name' }, { name: 'pip', title: 'PrimaryIP', kind: 'text', doc: 'Primary IP address' }] }) },
  { title: 'ReplaceFilter creates a rule under the given uuid', call: { method: 'ReplaceFilter', args: [KEPT_FILTER, 0, [], 'CONTINUE'] }, expected: ok(KEPT_FILTER) },
  { title: 'GetFilter returns /2/filters/[uuid] unchanged', call: { method: 'GetFilter', args: [KEPT_FILTER] }, expected: sameAsRaw(`/2/filters/${KEPT_FILTER}`) },
  { title: 'AddFilter returns the new uuid', call: { method: 'AddFilter', args: [1, [['jobid', ['>', 'id', 'watermark']]], 'CONTINUE'] }, expected: async (server) => ok(((await addedFilter(server)) as { value: string[] }).value[0]) },
  { title: 'ReplaceFilter creates a second rule to delete', call: { method: 'ReplaceFilter', args: [GONE_FILTER, 2, [], 'CONTINUE'] }, expected: ok(GONE_FILTER) },
  { title: 'DeleteFilter returns None', call: { method: 'DeleteFilter', args: [GONE_FILTER] }, expected: ok(null) },
  { title: 'GetFilters lists the remaining uuids', call: { method: 'GetFilters' }, expected: async (server) => ok(((await rawJson(server, '/2/filters')) as { uuid: string }[]).map((f) => f.uuid)) },
  // An instance lifecycle (after the network jobs 1-6), waits poll every 50 ms.
  { title: 'CreateInstance submits job 7 (placed by the default allocator)', call: { method: 'CreateInstance', args: ['create', 'inst1.example.com', 'diskless', [], [{}]], kwargs: { os: 'noop+default', name_check: false, ip_check: false, beparams: { memory: 256 } } }, expected: ok(7) },
  { title: 'WaitForJobCompletion sees the creation succeed', call: { method: 'WaitForJobCompletion', args: [7], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'ShutdownInstance submits job 8', call: { method: 'ShutdownInstance', args: ['inst1.example.com'] }, expected: ok(8) },
  { title: 'WaitForJobCompletion sees the shutdown succeed', call: { method: 'WaitForJobCompletion', args: [8], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'StartupInstance submits job 9', call: { method: 'StartupInstance', args: ['inst1.example.com'] }, expected: ok(9) },
  { title: 'WaitForJobCompletion sees the startup succeed', call: { method: 'WaitForJobCompletion', args: [9], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'RebootInstance submits job 10', call: { method: 'RebootInstance', args: ['inst1.example.com'], kwargs: { reboot_type: 'soft' } }, expected: ok(10) },
  { title: 'WaitForJobCompletion sees the reboot succeed', call: { method: 'WaitForJobCompletion', args: [10], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'CreateInstance of a second instance submits job 11', call: { method: 'CreateInstance', args: ['create', 'inst2.example.com', 'diskless', [], [{}]], kwargs: { os: 'noop+default', name_check: false, ip_check: false, start: false } }, expected: ok(11) },
  { title: 'WaitForJobCompletion sees the second creation succeed', call: { method: 'WaitForJobCompletion', args: [11], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'DeleteInstance submits job 12', call: { method: 'DeleteInstance', args: ['inst2.example.com'] }, expected: ok(12) },
  { title: 'WaitForJobCompletion sees the deletion succeed', call: { method: 'WaitForJobCompletion', args: [12], kwargs: { period: 0.05 } }, expected: ok(true) },
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
