import { join } from 'node:path';
import { addLocalTestNode, startTestServer, type TestServer } from '@corral/rapi-server';
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

/** Node figures and bookkeeping that move between the client's call and the raw GET (live memory, serials). */
const VOLATILE_NODE_KEYS = ['dtotal', 'dfree', 'mtotal', 'mnode', 'mfree', 'serial_no', 'mtime'];
const volatile = (node: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(node).map(([k, v]) => [k, VOLATILE_NODE_KEYS.includes(k) ? expect.anything() : v]));
/** Like {@link sameAsRaw} for node objects, with the volatile figures matched by presence only. */
const sameNodesAsRaw = (path: string) => async (server: TestServer): Promise<ClientResult> => {
  const raw = (await sendRequest(`${server.url}${path}`, { auth: server.writeAuth })).json;
  return ok(Array.isArray(raw) ? raw.map(volatile) : volatile(raw as Record<string, unknown>));
};
const N2 = 'node2.example.com';

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
  // Nodes, groups, OS and cluster (issue 7). The server holds a second local node, node2; job ids count from 1 in call order.
  { title: 'GetNodes returns the node names', call: { method: 'GetNodes' }, expected: async (server) => ok(((await sendRequest(`${server.url}/2/nodes`)).json as { id: string }[]).map((n) => n.id)) },
  { title: 'GetNodes(bulk=True) returns /2/nodes?bulk=1', call: { method: 'GetNodes', kwargs: { bulk: true } }, expected: sameNodesAsRaw('/2/nodes?bulk=1') },
  { title: 'GetNode returns /2/nodes/[n]', call: { method: 'GetNode', args: [N2] }, expected: sameNodesAsRaw(`/2/nodes/${N2}`) },
  { title: 'GetNodeRole returns the role word', call: { method: 'GetNodeRole', args: [N2] }, expected: ok('master-candidate') },
  { title: 'GetGroups returns the group names', call: { method: 'GetGroups' }, expected: ok(['default']) },
  { title: 'GetGroups(bulk=True) returns /2/groups?bulk=1', call: { method: 'GetGroups', kwargs: { bulk: true } }, expected: sameAsRaw('/2/groups?bulk=1') },
  { title: 'GetGroup returns /2/groups/[g]', call: { method: 'GetGroup', args: ['default'] }, expected: sameAsRaw('/2/groups/default') },
  { title: 'GetOperatingSystems waits for the diagnose job (job 1) and lists name+variant', call: { method: 'GetOperatingSystems' }, expected: sameAsRaw('/2/os') },
  { title: 'SetNodeRole submits job 2', call: { method: 'SetNodeRole', args: [N2, 'master-candidate'], kwargs: { force: false, auto_promote: true } }, expected: ok(2) },
  { title: 'ModifyNode submits job 3', call: { method: 'ModifyNode', args: [N2], kwargs: { dry_run: true, vm_capable: true } }, expected: ok(3) },
  { title: 'GetNodeStorageUnits submits job 4', call: { method: 'GetNodeStorageUnits', args: [N2, 'file', 'name,size,free'] }, expected: ok(4) },
  { title: 'CreateGroup submits job 5', call: { method: 'CreateGroup', args: ['rack1'], kwargs: { alloc_policy: 'last_resort' } }, expected: ok(5) },
  { title: 'ModifyGroup submits job 6', call: { method: 'ModifyGroup', args: ['rack1'], kwargs: { alloc_policy: 'preferred' } }, expected: ok(6) },
  { title: 'RenameGroup submits job 7', call: { method: 'RenameGroup', args: ['rack1', 'rack2'] }, expected: ok(7) },
  { title: 'AssignGroupNodes submits job 8', call: { method: 'AssignGroupNodes', args: ['default', [N2]] }, expected: ok(8) },
  { title: 'DeleteGroup submits job 9', call: { method: 'DeleteGroup', args: ['rack2'] }, expected: ok(9) },
  { title: 'ModifyCluster submits job 10', call: { method: 'ModifyCluster', kwargs: { dry_run: true, candidate_pool_size: 10 } }, expected: ok(10) },
  { title: 'EvacuateNode (3.0 body form) submits job 11', call: { method: 'EvacuateNode', args: [N2], kwargs: { mode: 'all' } }, expected: ok(11) },
  { title: 'MigrateNode submits job 12', call: { method: 'MigrateNode', args: [N2] }, expected: ok(12) },
  { title: 'PowercycleNode submits job 13', call: { method: 'PowercycleNode', args: [N2] }, expected: ok(13) },
  { title: 'ModifyNodeStorageUnits submits job 14', call: { method: 'ModifyNodeStorageUnits', args: [N2, 'lvm-pv', '/dev/sdx'], kwargs: { allocatable: false } }, expected: ok(14) },
  { title: 'RepairNodeStorageUnits submits job 15', call: { method: 'RepairNodeStorageUnits', args: [N2, 'lvm-vg', 'xenvg'] }, expected: ok(15) },
  { title: 'GetNodeTags returns the node tags', call: { method: 'GetNodeTags', args: [N2] }, expected: ok([]) },
  { title: 'GetGroupTags returns the group tags', call: { method: 'GetGroupTags', args: ['default'] }, expected: ok([]) },
];

describe("Ganeti's Python RAPI client", () => {
  let server: TestServer;
  let results: ClientResult[];

  beforeAll(async () => {
    const missing = pythonClientUnavailable();
    if (missing) throw new Error(`The conformance suite needs Ganeti's client: ${missing}`);
    server = await startTestServer();
    await addLocalTestNode(server, N2);
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
