import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { encodeJson, errorBody } from '@corral/json-codec';
import { sendRequest } from '@corral/testing';
import { startTestServer, type TestServer } from './testing/start-test-server';
import { rapiTestClient, type RapiTestClient } from './testing/rapi-test-client';

const NOT_FOUND = '{"code": 404, "message": "Not Found", "explain": "Nothing matches the given URI"}\n';
const BULK_KEYS = [
  'name', 'offline', 'master_candidate', 'drained', 'dtotal', 'dfree', 'sptotal', 'spfree', 'mtotal', 'mnode', 'mfree',
  'pinst_cnt', 'sinst_cnt', 'ctotal', 'cnos', 'cnodes', 'csockets', 'pip', 'sip', 'role', 'pinst_list', 'sinst_list',
  'master_capable', 'vm_capable', 'ndparams', 'group.uuid', 'ctime', 'mtime', 'uuid', 'serial_no', 'tags',
];
const N2 = 'node2.example.com';
const N3 = 'node3.example.com';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

const badRequest = (message: string): string => `${encodeJson(errorBody(400, message))}`;

describe('node resources over RAPI', () => {
  let server: TestServer;
  let rapi: RapiTestClient;
  let master: string;

  const bulk = async (): Promise<Record<string, unknown>[]> => (await rapi.call('GET', '/2/nodes?bulk=1')).json as Record<string, unknown>[];
  const roleOf = async (name: string): Promise<unknown> => (await rapi.call('GET', `/2/nodes/${name}/role`)).json;

  beforeAll(async () => {
    server = await startTestServer();
    rapi = rapiTestClient(server);
    master = ((await rapi.call('GET', '/2/info')).json as { master: string }).master;
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when a local node is added with POST /corral/nodes', () => {
    it('runs OP_NODE_ADD and makes the node a master candidate with its own directories', async () => {
      const job = await rapi.job('POST', '/corral/nodes', { name: N2, local: true });
      expect([job.status, job.summary, job.opresult]).toEqual(['success', [`NODE_ADD(${N2})`], [null]]);
      const dir = join(server.dataDir, 'nodes', N2);
      expect([existsSync(join(dir, 'run', 'fake-hypervisor')), existsSync(join(dir, 'file-storage'))]).toEqual([true, true]);
      expect(await roleOf(N2)).toBe('master-candidate');
    });

    it('refuses a name already in the configuration', async () => {
      const job = await rapi.job('POST', '/corral/nodes', { name: N2, local: true });
      expect([job.status, job.opresult]).toEqual(['error', [['OpPrereqError', [`Node ${N2} is already in the configuration`, 'already_exists']]]]);
    });

    it('refuses a node that is not local', async () => {
      const job = await rapi.job('POST', '/corral/nodes', { name: 'remote.example.com' });
      expect(job.opresult).toEqual([
        ['OpPrereqError', ['Only local nodes can be added (local=true): remote nodes need a node agent, which this server does not have', 'wrong_input']],
      ]);
    });

    it('needs write access', async () => {
      const res = await sendRequest(`${server.url}/corral/nodes`, { method: 'POST', body: { name: 'x', local: true } });
      expect(res.status).toBe(401);
    });

    it('adds a node that is not a candidate when asked', async () => {
      const job = await rapi.job('POST', '/corral/nodes', { name: N3, local: true, master_candidate: false });
      expect(job.status).toBe('success');
      expect(await roleOf(N3)).toBe('regular');
    });
  });

  describe('when nodes are listed', () => {
    it('lists ids and URIs sorted by name', async () => {
      const res = await rapi.call('GET', '/2/nodes');
      const names = [master, N2, N3].sort();
      expect(res.json).toEqual(names.map((n) => ({ id: n, uri: `/2/nodes/${n}` })));
    });

    it('gives Ganeti 3.0 fields in key order, role letters and live figures in bulk', async () => {
      const nodes = await bulk();
      for (const node of nodes) expect(Object.keys(node)).toEqual(BULK_KEYS);
      const byName = Object.fromEntries(nodes.map((n) => [n.name, n]));
      expect([byName[master]!.role, byName[N2]!.role, byName[N3]!.role]).toEqual(['M', 'C', 'R']);
      const n2 = byName[N2]!;
      expect([n2.pinst_cnt, n2.sinst_cnt, n2.pinst_list, n2.sinst_list, n2.sptotal, n2.spfree, n2.pip, n2.sip]).toEqual([0, 0, [], [], null, null, '127.0.0.1', '127.0.0.1']);
      for (const key of ['dtotal', 'dfree', 'mtotal', 'mnode', 'mfree', 'ctotal', 'cnos', 'cnodes', 'csockets']) expect(typeof n2[key]).toBe('number');
      expect(n2.mtotal as number).toBeGreaterThan(0);
      expect((n2.ndparams as Record<string, unknown>).exclusive_storage).toBe(false);
    });

    it('gives one node with secondary_ip added, and 404 for an unknown one', async () => {
      const one = (await rapi.call('GET', `/2/nodes/${N2}`)).json as Record<string, unknown>;
      expect(Object.keys(one)).toEqual([...BULK_KEYS, 'secondary_ip']);
      expect([one.name, one.role, one.secondary_ip]).toEqual([N2, 'C', '127.0.0.1']);
      const missing = await rapi.call('GET', '/2/nodes/nosuch.example.com');
      expect([missing.status, missing.text]).toEqual([404, NOT_FOUND]);
    });

  });

  describe('when the role is read and set (case I1)', () => {
    it('answers the role as a word', async () => {
      expect([await roleOf(master), await roleOf(N2), await roleOf(N3)]).toEqual(['master', 'master-candidate', 'regular']);
    });

    it('answers 404 for the role of an unknown node, and fails the job that sets it', async () => {
      const res = await rapi.call('GET', '/2/nodes/nosuch.example.com/role');
      expect([res.status, res.text]).toEqual([404, NOT_FOUND]);
      const job = await rapi.job('PUT', '/2/nodes/nosuch.example.com/role', 'drained');
      expect(job.opresult).toEqual([['OpPrereqError', ["Node 'nosuch.example.com' not known", 'unknown_entity']]]);
    });

    it('refuses a role in the query without a body', async () => {
      const res = await rapi.call('PUT', `/2/nodes/${N2}/role?role=master-candidate`);
      expect([res.status, res.text]).toEqual([400, badRequest("Body contents: Type is 'NoneType', but 'str' is expected")]);
    });

    it('refuses a dict body', async () => {
      const res = await rapi.call('PUT', `/2/nodes/${N2}/role`, { role: 'regular' });
      expect([res.status, res.text]).toEqual([400, badRequest("Body contents: Type is 'dict', but 'str' is expected")]);
    });

    it.each(['master', 'bogus'])('refuses the role %s', async (role) => {
      const res = await rapi.call('PUT', `/2/nodes/${N2}/role`, JSON.stringify(role), JSON_HEADERS);
      expect([res.status, res.text]).toEqual([400, badRequest(`Can't set '${role}' role`)]);
    });

    it('submits OP_NODE_SET_PARAMS for a bare string with force and auto-promote', async () => {
      const res = await rapi.call('PUT', `/2/nodes/${N2}/role?force=0&auto-promote=1`, '"master-candidate"', JSON_HEADERS);
      expect(res.status).toBe(200);
      const job = await rapi.settled(res.json);
      const op = (job.ops as Record<string, unknown>[])[0]!;
      expect([op.OP_ID, op.node_name, op.master_candidate, op.offline, op.drained, op.force, op.auto_promote]).toEqual(['OP_NODE_SET_PARAMS', N2, true, null, null, false, true]);
      expect([job.status, job.opresult]).toEqual(['success', [[]]]);
    });

    it('refuses to demote a candidate below the pool without auto-promote', async () => {
      const job = await rapi.job('PUT', `/2/nodes/${N2}/role`, 'regular');
      expect(job.opresult).toEqual([
        ['OpPrereqError', ['Not enough master candidates, please pass auto promote option to allow promotion (--auto-promote or RAPI auto_promote=True)', 'wrong_state']],
      ]);
      expect(await roleOf(N2)).toBe('master-candidate');
    });

    it('demotes with auto-promote and promotes another node instead', async () => {
      const res = await rapi.call('PUT', `/2/nodes/${N2}/role?auto-promote=1`, '"regular"', JSON_HEADERS);
      const job = await rapi.settled(res.json);
      expect([job.status, job.opresult]).toEqual(['success', [[['master_candidate', 'False']]]]);
      expect([await roleOf(N2), await roleOf(N3)]).toEqual(['regular', 'master-candidate']);
    });

    it('drains and offlines a node, shown as letters in bulk', async () => {
      expect((await rapi.job('PUT', `/2/nodes/${N2}/role`, 'drained')).opresult).toEqual([[['drained', 'True']]]);
      expect((await bulk()).find((n) => n.name === N2)!.role).toBe('D');
      expect((await rapi.job('PUT', `/2/nodes/${N2}/role`, 'offline')).opresult).toEqual([[['drained', 'False'], ['offline', 'True']]]);
      const offline = (await bulk()).find((n) => n.name === N2)!;
      expect([offline.role, offline.mtotal, offline.dtotal]).toEqual(['O', null, null]);
      expect(await roleOf(N2)).toBe('offline');
    });

    it('promotes a node leaving offline when the pool wants a candidate', async () => {
      const job = await rapi.job('PUT', `/2/nodes/${N2}/role`, 'regular');
      expect([job.status, job.opresult]).toEqual(['success', [[['master_candidate', 'True'], ['offline', 'False']]]]);
      expect(await roleOf(N2)).toBe('master-candidate');
    });

    it("refuses to change the master's role", async () => {
      const job = await rapi.job('PUT', `/2/nodes/${master}/role`, 'drained');
      expect(job.opresult).toEqual([['OpPrereqError', ['The master role can be changed only via master-failover', 'wrong_input']]]);
    });
  });

  describe('when a node is modified', () => {
    it('changes vm_capable and reports it', async () => {
      const job = await rapi.job('POST', `/2/nodes/${N3}/modify`, { vm_capable: false });
      expect([job.status, job.opresult]).toEqual(['success', [[['vm_capable', 'False']]]]);
      expect((await bulk()).find((n) => n.name === N3)!.vm_capable).toBe(false);
      expect((await rapi.job('POST', `/2/nodes/${N3}/modify`, { vm_capable: true })).status).toBe('success');
    });

    it('refuses an unknown parameter and a static one', async () => {
      const bogus = await rapi.call('POST', `/2/nodes/${N3}/modify`, { bogus: 1 });
      expect([bogus.status, bogus.text]).toEqual([400, badRequest("Invalid body parameters: Object OpNodeSetParams doesn't support the parameter 'bogus'")]);
      const stat = await rapi.call('POST', `/2/nodes/${N3}/modify`, { node_name: N2 });
      expect([stat.status, stat.text]).toEqual([400, badRequest("Can't overwrite static parameters {'node_name'}")]);
    });

    it('needs at least one modification', async () => {
      const job = await rapi.job('POST', `/2/nodes/${N3}/modify`, {});
      expect(job.opresult).toEqual([['OpPrereqError', ['Please pass at least one modification', 'wrong_input']]]);
    });
  });

  describe('when a node is power-cycled', () => {
    it('fails the job with the fake hypervisor refusing', async () => {
      const job = await rapi.job('POST', `/2/nodes/${N3}/powercycle`);
      expect([job.status, job.opresult]).toEqual(['error', [['OpExecError', [`Powercycle of node ${N3} is not done by the fake hypervisor on a shared host`]]]]);
    });

    it('refuses the master without force', async () => {
      const job = await rapi.job('POST', `/2/nodes/${master}/powercycle`);
      expect(job.opresult).toEqual([['OpPrereqError', ['The node is the master and the force parameter was not set', 'wrong_input']]]);
    });
  });

  describe('when storage is queried and changed', () => {
    it('needs output_fields', async () => {
      const res = await rapi.call('GET', `/2/nodes/${N3}/storage`);
      expect([res.status, res.text]).toEqual([400, badRequest("Missing the required 'output_fields' parameter")]);
    });

    it('needs write access even to read', async () => {
      const res = await sendRequest(`${server.url}/2/nodes/${N3}/storage?output_fields=name`);
      expect(res.status).toBe(401);
    });

    it("returns a job whose result is the node's file storage rows", async () => {
      const job = await rapi.job('GET', `/2/nodes/${N3}/storage?output_fields=node,type,name,allocatable,size`);
      const rows = job.opresult[0] as unknown[][];
      expect(rows.map((r) => r.slice(0, 4))).toEqual([[N3, 'file', join(server.dataDir, 'nodes', N3, 'file-storage'), true]]);
      expect(typeof rows[0]![4]).toBe('number');
    });

    it('fails the job for an unknown field', async () => {
      const job = await rapi.job('GET', `/2/nodes/${N3}/storage?storage_type=file&output_fields=name,bogus`);
      expect(job.opresult).toEqual([['OpPrereqError', ['Unknown output fields selected: bogus', 'wrong_input']]]);
    });

    it('needs a unit name to modify or repair', async () => {
      for (const action of ['modify', 'repair']) {
        const res = await rapi.call('PUT', `/2/nodes/${N3}/storage/${action}?storage_type=file`);
        expect([res.status, res.text]).toEqual([400, badRequest("Missing the required 'name' parameter")]);
      }
    });

    it('refuses to modify or repair file storage', async () => {
      const modify = await rapi.job('PUT', `/2/nodes/${N3}/storage/modify?storage_type=file&name=x&allocatable=0`);
      expect(modify.opresult).toEqual([['OpPrereqError', ["Storage units of type 'file' can not be modified", 'wrong_input']]]);
      const repair = await rapi.job('PUT', `/2/nodes/${N3}/storage/repair?storage_type=file&name=x`);
      expect(repair.opresult).toEqual([['OpPrereqError', ["Storage units of type 'file' can not be repaired", 'wrong_input']]]);
    });
  });

  describe('when a node is evacuated or migrated', () => {
    it('needs a mode to evacuate', async () => {
      const res = await rapi.call('POST', `/2/nodes/${N3}/evacuate`, {});
      expect([res.status, res.text]).toEqual([400, badRequest(`Invalid body parameters: ("Parameter 'OP_NODE_EVACUATE.mode' is missing", 'wrong_input')`)]);
    });

    it('evacuates an empty node to no jobs', async () => {
      const job = await rapi.job('POST', `/2/nodes/${N3}/evacuate`, { mode: 'all' });
      expect([job.status, job.opresult]).toEqual(['success', [{ jobs: [] }]]);
    });

    it('refuses both an iallocator and a remote node', async () => {
      const job = await rapi.job('POST', `/2/nodes/${N3}/evacuate`, { mode: 'secondary-only', iallocator: 'builtin', remote_node: N2 });
      expect(job.opresult).toEqual([['OpPrereqError', ['Give either the iallocator or the new secondary, not both', 'wrong_input']]]);
    });

    it('refuses live and mode together in the legacy query', async () => {
      const res = await rapi.call('POST', `/2/nodes/${N3}/migrate?live=1&mode=live`);
      expect([res.status, res.text]).toEqual([400, badRequest("Only one of 'live' and 'mode' should be passed")]);
    });

    it('ignores the body when a query argument is present', async () => {
      const job = await rapi.job('POST', `/2/nodes/${N3}/migrate?live=0`, { bogus: 1 });
      const op = (job.ops as Record<string, unknown>[])[0]!;
      expect([job.status, op.mode, job.opresult]).toEqual(['success', 'non-live', [{ jobs: [] }]]);
    });

    it('takes the body otherwise', async () => {
      const job = await rapi.job('POST', `/2/nodes/${N3}/migrate`, { mode: 'live', target_node: N2 });
      const op = (job.ops as Record<string, unknown>[])[0]!;
      expect([job.status, op.mode, op.target_node]).toEqual(['success', 'live', N2]);
    });
  });

  describe('when node tags are used', () => {
    it('adds and lists them', async () => {
      expect((await rapi.job('PUT', `/2/nodes/${N3}/tags?tag=rack:1`)).status).toBe('success');
      expect((await rapi.call('GET', `/2/nodes/${N3}/tags`)).json).toEqual(['rack:1']);
    });
  });

  describe('when an offline node is re-added', () => {
    it('comes back online with its identity and tags, a candidate if the pool wants one', async () => {
      const before = (await rapi.call('GET', `/2/nodes/${N3}`)).json as Record<string, unknown>;
      expect((await rapi.job('PUT', `/2/nodes/${N3}/role`, 'offline')).status).toBe('success');
      const job = await rapi.job('POST', '/corral/nodes', { name: N3, local: true, readd: true });
      expect([job.status, job.summary]).toEqual(['success', [`NODE_ADD(${N3})`]]);
      const after = (await rapi.call('GET', `/2/nodes/${N3}`)).json as Record<string, unknown>;
      expect([after.uuid, after.tags, after.offline, after.role]).toEqual([before.uuid, ['rack:1'], false, 'C']);
    });

    it('refuses to re-add a node that is not in the configuration', async () => {
      const job = await rapi.job('POST', '/corral/nodes', { name: 'new.example.com', local: true, readd: true });
      expect(job.opresult).toEqual([['OpPrereqError', ['Node new.example.com is not in the configuration', 'unknown_entity']]]);
    });
  });

  describe('when a node is removed with DELETE /corral/nodes/[name]', () => {
    it('refuses the master', async () => {
      const job = await rapi.job('DELETE', `/corral/nodes/${master}`);
      expect(job.opresult).toEqual([['OpPrereqError', ['Node is the master node, failover to another node is required', 'wrong_input']]]);
    });

    it('removes a node and refills the candidate pool', async () => {
      const job = await rapi.job('DELETE', `/corral/nodes/${N3}`);
      expect([job.status, job.summary]).toEqual(['success', [`NODE_REMOVE(${N3})`]]);
      expect((await rapi.call('GET', `/2/nodes/${N3}`)).status).toBe(404);
      expect(await roleOf(N2)).toBe('master-candidate');
    });
  });
  describe('when a node cannot answer', () => {
    it('reports nulls, not a failure, for a node whose plugins cannot answer', async () => {
      const job = await rapi.job('POST', '/corral/nodes', { name: 'broken.example.com', local: true, master_candidate: false });
      expect(job.status).toBe('success');
      const { rmSync, writeFileSync } = await import('node:fs');
      const dir = join(server.dataDir, 'nodes', 'broken.example.com');
      rmSync(dir, { recursive: true, force: true });
      writeFileSync(dir, 'not a directory');
      const broken = (await bulk()).find((n) => n.name === 'broken.example.com')!;
      expect([broken.dtotal, broken.dfree]).toEqual([null, null]);
      rmSync(dir, { force: true });
      expect((await rapi.job('DELETE', '/corral/nodes/broken.example.com')).status).toBe('success');
    });
  });
});
