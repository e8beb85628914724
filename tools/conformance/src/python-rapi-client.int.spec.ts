import { join } from 'node:path';
import { addLocalTestNode, seedInstance, startTestServer, type TestServer } from '@corral/rapi-server';
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

/** The id of the job whose summary is `summary`, once it finished; a failed job shows up as a mismatch. */
const jobSucceeded = (summary: string) => async (server: TestServer): Promise<ClientResult> => {
  for (;;) {
    const jobs = (await sendRequest(`${server.url}/2/jobs?bulk=1`, { auth: server.writeAuth })).json as { id: number; summary: string[]; status: string; opresult: unknown }[];
    const job = jobs.find((j) => j.summary[0] === summary);
    if (job && ['success', 'error', 'canceled'].includes(job.status)) return job.status === 'success' ? ok(job.id) : ok(job);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const NODE2 = 'node2.example.com';

/** The instances the instance-operation rows act on (seeded before the client runs). */
async function seedInstances(server: TestServer): Promise<void> {
  await addLocalTestNode(server, NODE2);
  const master = (await sendRequest(`${server.url}/2/info`, { auth: server.writeAuth })).json as { master: string };
  for (const [name, running] of [['conf1', true], ['conf2', true], ['conf3', false], ['conf4', false], ['conf5', false], ['conf6', false], ['conf7', false], ['conf8', false]] as const) {
    await seedInstance(server, { name: `${name}.example.com`, node: master.master, running });
  }
}

const KEPT_FILTER = '11111111-2222-3333-4444-555555555555';
const GONE_FILTER = '66666666-7777-8888-9999-000000000000';
const wait = (id: number): ClientCall => ({ method: 'WaitForJobCompletion', args: [id], kwargs: { period: 0.05 } });
const rawJson = async (server: TestServer, path: string): Promise<unknown> => (await sendRequest(`${server.url}${path}`, { auth: server.writeAuth })).json;
/** The uuid of the one filter the suite added with AddFilter (the others have fixed uuids). */
const addedFilter = async (server: TestServer): Promise<ClientResult> =>
  ok(((await rawJson(server, '/2/filters')) as { uuid: string }[]).map((f) => f.uuid).filter((u) => u !== KEPT_FILTER));
/** Node figures and bookkeeping that move between the client's call and the raw GET (live memory, serials). */
// The instance lists move too: the instance-operation rows below migrate seeded instances before the raw GET is read.
const VOLATILE_NODE_KEYS = ['dtotal', 'dfree', 'mtotal', 'mnode', 'mfree', 'serial_no', 'mtime', 'pinst_cnt', 'pinst_list', 'sinst_cnt', 'sinst_list'];
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
  // Nodes, groups, OS and cluster (issue 7). The server holds a second local node, node2; job ids follow the networks section's six, in call order.
  { title: 'GetNodes returns the node names', call: { method: 'GetNodes' }, expected: async (server) => ok(((await sendRequest(`${server.url}/2/nodes`)).json as { id: string }[]).map((n) => n.id)) },
  { title: 'GetNodes(bulk=True) returns /2/nodes?bulk=1', call: { method: 'GetNodes', kwargs: { bulk: true } }, expected: sameNodesAsRaw('/2/nodes?bulk=1') },
  { title: 'GetNode returns /2/nodes/[n]', call: { method: 'GetNode', args: [N2] }, expected: sameNodesAsRaw(`/2/nodes/${N2}`) },
  { title: 'GetNodeRole returns the role word', call: { method: 'GetNodeRole', args: [N2] }, expected: ok('master-candidate') },
  { title: 'GetGroups returns the group names', call: { method: 'GetGroups' }, expected: ok(['default']) },
  { title: 'GetGroups(bulk=True) returns /2/groups?bulk=1', call: { method: 'GetGroups', kwargs: { bulk: true } }, expected: sameAsRaw('/2/groups?bulk=1') },
  { title: 'GetGroup returns /2/groups/[g]', call: { method: 'GetGroup', args: ['default'] }, expected: sameAsRaw('/2/groups/default') },
  { title: 'GetOperatingSystems waits for the diagnose job (job 7) and lists name+variant', call: { method: 'GetOperatingSystems' }, expected: sameAsRaw('/2/os') },
  { title: 'SetNodeRole submits job 8', call: { method: 'SetNodeRole', args: [N2, 'master-candidate'], kwargs: { force: false, auto_promote: true } }, expected: ok(8) },
  { title: 'ModifyNode submits job 9', call: { method: 'ModifyNode', args: [N2], kwargs: { dry_run: true, vm_capable: true } }, expected: ok(9) },
  { title: 'GetNodeStorageUnits submits job 10', call: { method: 'GetNodeStorageUnits', args: [N2, 'file', 'name,size,free'] }, expected: ok(10) },
  { title: 'CreateGroup submits job 11', call: { method: 'CreateGroup', args: ['rack1'], kwargs: { alloc_policy: 'last_resort' } }, expected: ok(11) },
  { title: 'ModifyGroup submits job 12', call: { method: 'ModifyGroup', args: ['rack1'], kwargs: { alloc_policy: 'preferred' } }, expected: ok(12) },
  { title: 'RenameGroup submits job 13', call: { method: 'RenameGroup', args: ['rack1', 'rack2'] }, expected: ok(13) },
  { title: 'AssignGroupNodes submits job 14', call: { method: 'AssignGroupNodes', args: ['default', [N2]] }, expected: ok(14) },
  { title: 'DeleteGroup submits job 15', call: { method: 'DeleteGroup', args: ['rack2'] }, expected: ok(15) },
  { title: 'ModifyCluster submits job 16', call: { method: 'ModifyCluster', kwargs: { dry_run: true, candidate_pool_size: 10 } }, expected: ok(16) },
  { title: 'EvacuateNode (3.0 body form) submits job 17', call: { method: 'EvacuateNode', args: [N2], kwargs: { mode: 'all' } }, expected: ok(17) },
  { title: 'MigrateNode submits job 18', call: { method: 'MigrateNode', args: [N2] }, expected: ok(18) },
  { title: 'PowercycleNode submits job 19', call: { method: 'PowercycleNode', args: [N2] }, expected: ok(19) },
  { title: 'ModifyNodeStorageUnits submits job 20', call: { method: 'ModifyNodeStorageUnits', args: [N2, 'lvm-pv', '/dev/sdx'], kwargs: { allocatable: false } }, expected: ok(20) },
  { title: 'RepairNodeStorageUnits submits job 21', call: { method: 'RepairNodeStorageUnits', args: [N2, 'lvm-vg', 'xenvg'] }, expected: ok(21) },
  { title: 'GetNodeTags returns the node tags', call: { method: 'GetNodeTags', args: [N2] }, expected: ok([]) },
  { title: 'GetGroupTags returns the group tags', call: { method: 'GetGroupTags', args: ['default'] }, expected: ok([]) },
  // An instance lifecycle (after the network jobs 1-6 and the node/group jobs 7-21), waits poll every 50 ms.
  { title: 'CreateInstance submits job 22 (placed by the default allocator)', call: { method: 'CreateInstance', args: ['create', 'inst1.example.com', 'diskless', [], [{}]], kwargs: { os: 'noop+default', name_check: false, ip_check: false, beparams: { memory: 256 } } }, expected: ok(22) },
  { title: 'WaitForJobCompletion sees the creation succeed', call: { method: 'WaitForJobCompletion', args: [22], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'ShutdownInstance submits job 23', call: { method: 'ShutdownInstance', args: ['inst1.example.com'] }, expected: ok(23) },
  { title: 'WaitForJobCompletion sees the shutdown succeed', call: { method: 'WaitForJobCompletion', args: [23], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'StartupInstance submits job 24', call: { method: 'StartupInstance', args: ['inst1.example.com'] }, expected: ok(24) },
  { title: 'WaitForJobCompletion sees the startup succeed', call: { method: 'WaitForJobCompletion', args: [24], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'RebootInstance submits job 25', call: { method: 'RebootInstance', args: ['inst1.example.com'], kwargs: { reboot_type: 'soft' } }, expected: ok(25) },
  { title: 'WaitForJobCompletion sees the reboot succeed', call: { method: 'WaitForJobCompletion', args: [25], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'CreateInstance of a second instance submits job 26', call: { method: 'CreateInstance', args: ['create', 'inst2.example.com', 'diskless', [], [{}]], kwargs: { os: 'noop+default', name_check: false, ip_check: false, start: false } }, expected: ok(26) },
  { title: 'WaitForJobCompletion sees the second creation succeed', call: { method: 'WaitForJobCompletion', args: [26], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'DeleteInstance submits job 27', call: { method: 'DeleteInstance', args: ['inst2.example.com'] }, expected: ok(27) },
  { title: 'WaitForJobCompletion sees the deletion succeed', call: { method: 'WaitForJobCompletion', args: [27], kwargs: { period: 0.05 } }, expected: ok(true) },
  { title: 'GetInstances lists the remaining instance by name', call: { method: 'GetInstances' }, expected: ok(['inst1.example.com']) },
  { title: 'GetInstances(bulk=True) returns the bulk rows unchanged', call: { method: 'GetInstances', kwargs: { bulk: true } }, expected: sameAsRaw('/2/instances?bulk=1') },
  { title: 'GetInstance returns the instance, running with 256 MiB', call: { method: 'GetInstance', args: ['inst1.example.com'] }, expected: sameAsRaw('/2/instances/inst1.example.com') },
];

/** Instance operations (issue 6b), on their own server with seeded instances. */
const OPERATION_CASES: readonly ClientCase[] = [
  // Instance operations (issue 6b) on seeded instances.
  { title: 'MigrateInstance migrates live to a target node', call: { method: 'MigrateInstance', args: ['conf1.example.com'], kwargs: { mode: 'live', target_node: NODE2 } }, expected: jobSucceeded('INSTANCE_MIGRATE(conf1.example.com)') },
  { title: 'FailoverInstance fails over to a target node', call: { method: 'FailoverInstance', args: ['conf2.example.com'], kwargs: { target_node: NODE2 } }, expected: jobSucceeded('INSTANCE_FAILOVER(conf2.example.com)') },
  { title: 'RenameInstance renames a stopped instance', call: { method: 'RenameInstance', args: ['conf3.example.com', 'conf3b.example.com'], kwargs: { ip_check: false, name_check: false } }, expected: jobSucceeded('INSTANCE_RENAME(conf3.example.com)') },
  { title: 'ModifyInstance changes beparams', call: { method: 'ModifyInstance', args: ['conf4.example.com'], kwargs: { beparams: { maxmem: 256 } } }, expected: jobSucceeded('INSTANCE_SET_PARAMS(conf4.example.com)') },
  { title: 'ReinstallInstance reinstalls without starting', call: { method: 'ReinstallInstance', args: ['conf5.example.com'], kwargs: { os: 'noop+default', no_startup: true } }, expected: jobSucceeded('INSTANCE_SHUTDOWN(conf5.example.com)') },
  { title: 'GrowInstanceDisk grows disk 0', call: { method: 'GrowInstanceDisk', args: ['conf6.example.com', 0, 4] }, expected: jobSucceeded('INSTANCE_GROW_DISK(conf6.example.com)') },
  { title: 'ActivateInstanceDisks activates the disks', call: { method: 'ActivateInstanceDisks', args: ['conf7.example.com'] }, expected: jobSucceeded('INSTANCE_ACTIVATE_DISKS(conf7.example.com)') },
  { title: 'DeactivateInstanceDisks deactivates the disks', call: { method: 'DeactivateInstanceDisks', args: ['conf7.example.com'] }, expected: jobSucceeded('INSTANCE_DEACTIVATE_DISKS(conf7.example.com)') },
  { title: 'RecreateInstanceDisks recreates disk 0', call: { method: 'RecreateInstanceDisks', args: ['conf6.example.com'], kwargs: { disks: [0] } }, expected: jobSucceeded('INSTANCE_RECREATE_DISKS(conf6.example.com)') },
  { title: 'PrepareExport in local mode', call: { method: 'PrepareExport', args: ['conf8.example.com', 'local'] }, expected: jobSucceeded('BACKUP_PREPARE(conf8.example.com)') },
  { title: 'ExportInstance exports locally to the second node', call: { method: 'ExportInstance', args: ['conf8.example.com', 'local', NODE2] }, expected: jobSucceeded('BACKUP_EXPORT(conf8.example.com)') },
];

/**
 * Creation from an export and node evacuation with instances (issue 6/7 remainder), on their own
 * server: job 1 is the export, 2 the import, 3 the evacuation and 4 its follow-up migration.
 */
const IMPORT_EVACUATE_CASES: readonly ClientCase[] = [
  { title: 'ExportInstance exports imp1 to the second node (job 1)', call: { method: 'ExportInstance', args: ['imp1.example.com', 'local', NODE2] }, expected: ok(1) },
  { title: 'WaitForJobCompletion sees the export succeed', call: wait(1), expected: ok(true) },
  {
    title: 'CreateInstance with mode import submits job 2',
    call: { method: 'CreateInstance', args: ['import', 'imp2.example.com', 'file', [], [{}]], kwargs: { src_node: NODE2, src_path: 'imp1.example.com', pnode: NODE2, name_check: false, ip_check: false, ignore_ipolicy: true } },
    expected: ok(2),
  },
  { title: 'WaitForJobCompletion sees the import succeed', call: wait(2), expected: ok(true) },
  { title: 'GetInstances lists the exported and the imported instance', call: { method: 'GetInstances' }, expected: ok(['imp1.example.com', 'imp2.example.com']) },
  { title: 'EvacuateNode (mode all) of the second node submits job 3', call: { method: 'EvacuateNode', args: [NODE2], kwargs: { mode: 'all' } }, expected: ok(3) },
  { title: 'WaitForJobCompletion sees the evacuation succeed', call: wait(3), expected: ok(true) },
  { title: 'WaitForJobCompletion sees its follow-up migration (job 4) succeed', call: wait(4), expected: ok(true) },
  { title: 'GetJobStatus of the evacuation names the follow-up job', call: { method: 'GetJobStatus', args: [3] }, expected: async (server) => ok(await rawJson(server, '/2/jobs/3')) },
];

/** Runs the cases' calls in one Python process against the server, over TLS verified with its certificate. */
async function runCases(server: TestServer, cases: readonly ClientCase[]): Promise<ClientResult[]> {
  const [username, password] = server.writeAuth.split(':');
  const port = Number(new URL(server.url).port);
  return runPythonClient({ host: '127.0.0.1', port, username, password, cafile: join(server.dataDir, 'rapi.pem') }, cases.map((c) => c.call));
}

describe("Ganeti's Python RAPI client", () => {
  let server: TestServer;
  let results: ClientResult[];

  beforeAll(async () => {
    const missing = pythonClientUnavailable();
    if (missing) throw new Error(`The conformance suite needs Ganeti's client: ${missing}`);
    server = await startTestServer();
    await addLocalTestNode(server, N2);
    results = await runCases(server, CASES);
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

describe("Ganeti's Python RAPI client on instance operations", () => {
  let server: TestServer;
  let results: ClientResult[];

  beforeAll(async () => {
    server = await startTestServer();
    await seedInstances(server);
    results = await runCases(server, OPERATION_CASES);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(OPERATION_CASES.map((c, index) => [c.title, index] as const))('%s', async (_title, index) => {
    const { expected } = OPERATION_CASES[index]!;
    expect(results[index]).toEqual(typeof expected === 'function' ? await expected(server) : expected);
  });
});

describe("Ganeti's Python RAPI client on imports and node evacuation", () => {
  let server: TestServer;
  let results: ClientResult[];

  beforeAll(async () => {
    server = await startTestServer();
    await addLocalTestNode(server, NODE2);
    const master = (await sendRequest(`${server.url}/2/info`, { auth: server.writeAuth })).json as { master: string };
    await seedInstance(server, { name: 'imp1.example.com', node: master.master, running: true });
    results = await runCases(server, IMPORT_EVACUATE_CASES);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each(IMPORT_EVACUATE_CASES.map((c, index) => [c.title, index] as const))('%s', async (_title, index) => {
    const { expected } = IMPORT_EVACUATE_CASES[index]!;
    expect(results[index]).toEqual(typeof expected === 'function' ? await expected(server) : expected);
  });

  describe('when the evacuation has ended', () => {
    it('the imported instance runs on the master, moved by the follow-up migration', async () => {
      const master = ((await sendRequest(`${server.url}/2/info`)).json as { master: string }).master;
      const instance = (await sendRequest(`${server.url}/2/instances/imp2.example.com`)).json as Record<string, unknown>;
      expect([instance.pnode, instance.status, (await sendRequest(`${server.url}/2/jobs/4`)).json]).toMatchObject([master, 'running', { status: 'success', summary: ['INSTANCE_MIGRATE(imp2.example.com)'] }]);
    });
  });
});
