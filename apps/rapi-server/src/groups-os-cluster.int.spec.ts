import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeJson, errorBody } from '@corral/json-codec';
import { sendRequest } from '@corral/testing';
import { addLocalTestNode } from './testing/add-local-node';
import { startTestServer, type TestServer } from './testing/start-test-server';
import { rapiTestClient, type RapiTestClient } from './testing/rapi-test-client';

const GROUP_KEYS = [
  'alloc_policy', 'name', 'node_cnt', 'node_list', 'ipolicy', 'custom_ipolicy', 'diskparams', 'custom_diskparams',
  'ndparams', 'custom_ndparams', 'ctime', 'mtime', 'uuid', 'serial_no', 'tags',
];
const N2 = 'node2.example.com';
const error = (code: number, message: string): string => encodeJson(errorBody(code, message));

describe('groups, OS and cluster resources over RAPI', () => {
  let server: TestServer;
  let rapi: RapiTestClient;
  let master: string;

  const group = async (name: string): Promise<Record<string, unknown>> => (await rapi.call('GET', `/2/groups/${name}`)).json as Record<string, unknown>;
  const info = async (): Promise<Record<string, unknown>> => (await rapi.call('GET', '/2/info')).json as Record<string, unknown>;

  beforeAll(async () => {
    server = await startTestServer();
    rapi = rapiTestClient(server);
    master = (await info()).master as string;
    await addLocalTestNode(server, N2);
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when groups are listed', () => {
    it('lists names and URIs', async () => {
      expect((await rapi.call('GET', '/2/groups')).json).toEqual([{ name: 'default', uri: '/2/groups/default' }]);
    });

    it('gives Ganeti 3.0 fields in key order in bulk, with members and effective parameters', async () => {
      const [bulk] = (await rapi.call('GET', '/2/groups?bulk=1')).json as Record<string, unknown>[];
      expect(Object.keys(bulk!)).toEqual(GROUP_KEYS);
      const cluster = await info();
      expect([bulk!.alloc_policy, bulk!.node_cnt, bulk!.node_list, bulk!.custom_ipolicy, bulk!.custom_ndparams, bulk!.custom_diskparams]).toEqual([
        'preferred', 2, [master, N2].sort(), {}, {}, {},
      ]);
      expect([bulk!.ipolicy, bulk!.ndparams, bulk!.diskparams]).toEqual([cluster.ipolicy, cluster.ndparams, cluster.diskparams]);
    });

    it('answers 404 for an unknown group', async () => {
      expect((await rapi.call('GET', '/2/groups/nosuch')).status).toBe(404);
    });
  });

  describe('when a group is created, changed, renamed and removed', () => {
    it('creates a group from the legacy name key, honouring dry-run', async () => {
      const dry = await rapi.job('POST', '/2/groups?dry-run=1', { name: 'rack1' });
      expect([dry.status, (await rapi.call('GET', '/2/groups/rack1')).status]).toEqual(['success', 404]);
      const job = await rapi.job('POST', '/2/groups', { name: 'rack1', alloc_policy: 'last_resort', ndparams: { spindle_count: 2 } });
      expect([job.status, job.summary, job.opresult]).toEqual(['success', ['GROUP_ADD(rack1)'], [null]]);
      const rack = await group('rack1');
      expect([rack.alloc_policy, rack.custom_ndparams, (rack.ndparams as Record<string, unknown>).spindle_count, rack.node_cnt]).toEqual(['last_resort', { spindle_count: 2 }, 2, 0]);
    });

    it('refuses a duplicate name and a bad policy', async () => {
      const dup = await rapi.job('POST', '/2/groups', { group_name: 'rack1' });
      const uuid = (await group('rack1')).uuid as string;
      expect(dup.opresult).toEqual([['OpPrereqError', [`Desired group name 'rack1' already exists as a node group (UUID: ${uuid})`, 'already_exists']]]);
      const bad = await rapi.call('POST', '/2/groups', { group_name: 'x', alloc_policy: 'sometimes' });
      expect([bad.status, bad.text]).toEqual([400, error(400, `Invalid body parameters: ("Parameter 'OP_GROUP_ADD.alloc_policy' fails validation", 'wrong_input')`)]);
    });

    it('modifies with custom_* renamed, and "default" drops an override', async () => {
      const job = await rapi.job('PUT', '/2/groups/rack1/modify', { alloc_policy: 'preferred', custom_ndparams: { spindle_count: 'default', ssh_port: 2222 } });
      expect([job.status, job.opresult]).toEqual(['success', [[['ndparams', '{"ssh_port":2222}'], ['alloc_policy', 'preferred']]]]);
      const rack = await group('rack1');
      expect([rack.alloc_policy, rack.custom_ndparams]).toEqual(['preferred', { ssh_port: 2222 }]);
    });

    it('refuses an unknown ndparam', async () => {
      const job = await rapi.job('PUT', '/2/groups/rack1/modify', { ndparams: { bogus: 1 } });
      expect(job.opresult).toEqual([['OpPrereqError', ["Unknown parameter 'bogus'", 'wrong_input']]]);
    });

    it('needs new_name to rename', async () => {
      const res = await rapi.call('PUT', '/2/groups/rack1/rename', {});
      expect([res.status, res.text]).toEqual([400, error(400, `Invalid body parameters: ("Parameter 'OP_GROUP_RENAME.new_name' is missing", 'wrong_input')`)]);
    });

    it('renames and answers the new name', async () => {
      const job = await rapi.job('PUT', '/2/groups/rack1/rename', { new_name: 'rack2' });
      expect([job.status, job.opresult]).toEqual(['success', ['rack2']]);
      expect([(await rapi.call('GET', '/2/groups/rack1')).status, (await group('rack2')).name]).toEqual([404, 'rack2']);
    });

    it('needs the node list to assign nodes, then moves them', async () => {
      const res = await rapi.call('PUT', '/2/groups/rack2/assign-nodes', {});
      expect(res.status).toBe(400);
      const job = await rapi.job('PUT', '/2/groups/rack2/assign-nodes?force=1', { nodes: [N2] });
      expect([job.status, (job.ops as Record<string, unknown>[])[0]!.force]).toEqual(['success', true]);
      expect([(await group('rack2')).node_list, (await group('default')).node_list]).toEqual([[N2], [master]]);
      const nodes = (await rapi.call('GET', '/2/nodes?bulk=1')).json as Record<string, unknown>[];
      expect(nodes.find((n) => n.name === N2)!['group.uuid']).toBe((await group('rack2')).uuid);
    });

    it('refuses to remove a group with nodes', async () => {
      const job = await rapi.job('DELETE', '/2/groups/rack2');
      expect(job.opresult).toEqual([['OpPrereqError', [`Group 'rack2' not empty, has the following node(s): ${N2}`, 'wrong_state']]]);
    });

    it('takes group tags', async () => {
      expect((await rapi.job('PUT', '/2/groups/rack2/tags?tag=row:a')).status).toBe('success');
      expect((await rapi.call('GET', '/2/groups/rack2/tags')).json).toEqual(['row:a']);
    });

    it('removes an empty group but never the last one', async () => {
      expect((await rapi.job('PUT', '/2/groups/default/assign-nodes', { nodes: [N2] })).status).toBe('success');
      const job = await rapi.job('DELETE', '/2/groups/rack2');
      expect([job.status, (await rapi.call('GET', '/2/groups')).json]).toEqual(['success', [{ name: 'default', uri: '/2/groups/default' }]]);
      const moveAll = await rapi.job('POST', '/2/groups', { group_name: 'spare' });
      expect(moveAll.status).toBe('success');
      expect((await rapi.job('DELETE', '/2/groups/spare')).status).toBe('success');
    });
  });

  describe('when the OS list is asked for', () => {
    /** An API-15 OS definition in a local node's own OS directory. */
    const writeOs = (nodeName: string, os: string, variants: string[]): void => {
      const dir = join(server.dataDir, 'nodes', nodeName, 'os', os);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'ganeti_api_version'), '15\n');
      writeFileSync(join(dir, 'variants.list'), variants.map((v) => `${v}\n`).join(''));
      for (const script of ['create', 'export', 'import', 'rename']) writeFileSync(join(dir, script), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    };

    beforeAll(() => {
      writeOs(master, 'corral-test-os', ['small', 'big']);
      writeOs(N2, 'corral-test-os', ['big', 'small']);
      writeOs(master, 'corral-half-os', ['x']);
    });

    it('waits for OP_OS_DIAGNOSE and lists name+variant entries of the OSes all nodes have', async () => {
      const res = await rapi.call('GET', '/2/os');
      const names = res.json as string[];
      expect(res.status).toBe(200);
      expect(names.filter((n) => n.startsWith('corral-') || n.startsWith('noop'))).toEqual(['corral-test-os+big', 'corral-test-os+small', 'noop+default']);
    });

    it('ran the diagnose as a job', async () => {
      const jobs = (await rapi.call('GET', '/2/jobs?bulk=1')).json as Record<string, unknown>[];
      const diagnose = jobs.filter((j) => (j.summary as string[])[0] === 'OS_DIAGNOSE');
      expect(diagnose.length).toBeGreaterThan(0);
      expect(diagnose[0]!.status).toBe('success');
    });

    it('is answered anonymously', async () => {
      expect((await sendRequest(`${server.url}/2/os`)).json).toEqual((await rapi.call('GET', '/2/os')).json);
    });
  });

  describe('when the cluster is modified with PUT /2/modify', () => {
    it('refuses compression_tools with 403', async () => {
      const res = await rapi.call('PUT', '/2/modify', { compression_tools: ['gzip'] });
      expect([res.status, res.text]).toEqual([403, error(403, 'The parameter compression_tools cannot be set via RAPI')]);
    });

    it('changes parameters, visible in /2/info', async () => {
      const job = await rapi.job('PUT', '/2/modify', {
        candidate_pool_size: 5,
        mac_prefix: 'aa:00:01',
        beparams: { maxmem: 256 },
        hidden_os: [['add', 'debootstrap']],
      });
      expect([job.status, job.opresult]).toEqual(['success', [null]]);
      const after = await info();
      expect([after.candidate_pool_size, after.mac_prefix, (after.beparams as Record<string, Record<string, unknown>>).default!.maxmem, after.hidden_os]).toEqual([
        5, 'aa:00:01', 256, ['debootstrap'],
      ]);
    });

    it('makes the first enabled hypervisor the default', async () => {
      expect((await rapi.job('PUT', '/2/modify', { enabled_hypervisors: ['fake', 'kvm'] })).status).toBe('success');
      expect((await rapi.job('PUT', '/2/modify', { enabled_hypervisors: ['fake'] })).status).toBe('success');
      const after = await info();
      expect([after.enabled_hypervisors, after.default_hypervisor]).toEqual([['fake'], 'fake']);
    });

    it.each([
      [{ enabled_hypervisors: ['vmware'] }, 'Enabled hypervisors contains invalid entries: vmware'],
      [{ enabled_hypervisors: [] }, 'Enabled hypervisors list must contain at least one member'],
      [{ enabled_disk_templates: ['floppy'] }, 'Enabled disk templates list contains invalid entries: floppy'],
      [{ mac_prefix: 'zz:00:01' }, "Invalid MAC prefix given 'zz:00:01'"],
      [{ beparams: { bogus: 1 } }, "Unknown parameter 'bogus'"],
      [{ hvparams: { fake: { bogus: 1 } } }, "Unknown parameter 'bogus'"],
    ])('fails the job for %j', async (body, message) => {
      const job = await rapi.job('PUT', '/2/modify', body);
      expect(job.opresult).toEqual([['OpPrereqError', [message, 'wrong_input']]]);
    });

    it('refuses a bad type at submission', async () => {
      const res = await rapi.call('PUT', '/2/modify', { candidate_pool_size: 0 });
      expect([res.status, res.text]).toEqual([400, error(400, `Invalid body parameters: ("Parameter 'OP_CLUSTER_SET_PARAMS.candidate_pool_size' fails validation", 'wrong_input')`)]);
    });

    it('keeps cluster tags working', async () => {
      expect((await rapi.job('PUT', '/2/tags?tag=site:x')).status).toBe('success');
      expect((await rapi.call('GET', '/2/tags')).json).toEqual(['site:x']);
      expect((await info()).tags).toEqual(['site:x']);
    });
  });
});
