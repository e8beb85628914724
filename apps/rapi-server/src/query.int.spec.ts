import { sendRequest, type TestResponse } from '@corral/testing';
import type { Instance } from '@corral/model';
import { ConfigStore } from '@corral/store';
import { JobQueue } from '@corral/jobs';
import { NodeRunner } from '@corral/contracts';
import { OpcodeRegistry } from '@corral/opcodes';
import { addLocalTestNode } from './testing/add-local-node';
import { startTestServer, type TestServer } from './testing/start-test-server';

describe('query resources over RAPI', () => {
  let server: TestServer;
  let master: string;

  const call = (method: string, path: string, body?: unknown, auth: string | null = server.writeAuth): Promise<TestResponse> =>
    sendRequest(`${server.url}${path}`, { method, ...(auth === null ? {} : { auth }), ...(body === undefined ? {} : { body: body as object }) });
  const put = (resource: string, body: unknown): Promise<TestResponse> => call('PUT', `/2/query/${resource}`, body);
  const names = async (resource: string, qfilter: unknown): Promise<unknown[]> =>
    ((await put(resource, { fields: ['name'], qfilter })).json as { data: [number, unknown][][] }).data.map((row) => row[0]![1]);

  function instance(name: string, pnode: string, extra: Partial<Instance>): Instance {
    const now = Date.now() / 1000;
    return {
      uuid: `uuid-${name}`, serial_no: 1, ctime: now, mtime: now, tags: [], name, primary_node: pnode, secondary_nodes: [], os: 'noop+default',
      hypervisor: 'fake', disk_template: 'file', disks: [], nics: [], beparams: {}, hvparams: {}, osparams: {}, osparams_private: {},
      admin_state: 'down', admin_state_source: 'admin', network_port: null, oper_state: false, oper_ram: null, oper_vcpus: null, ...extra,
    } as Instance;
  }

  beforeAll(async () => {
    server = await startTestServer();
    const node2 = await addLocalTestNode(server, 'node2.local', { offline: true, master_candidate: false });
    const config = server.container.get<ConfigStore>(ConfigStore);
    const snapshot = await config.snapshot();
    const node1 = snapshot.list('node').find((n) => n.uuid !== node2.uuid)!;
    master = node1.name;
    const disk = (size: number, i: number) => ({ uuid: `d${i}`, name: null, size, spindles: null, mode: 'rw', dev_type: 'file', logical_id: [], params: {} });
    await config.commit({
      put: [
        { kind: 'instance', object: instance('inst1.example.com', node1.uuid, { disks: [disk(1024, 1)], tags: ['web'] }) },
        { kind: 'instance', object: instance('inst2.example.com', node1.uuid, { disks: [disk(2048, 2), disk(512, 3)] }) },
        { kind: 'instance', object: instance('inst3.example.com', node2.uuid, { admin_state: 'up' }) },
      ],
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when GET asks for fields (sample 111)', () => {
    it('answers data then fields, with Ganeti\'s titles, kinds and docs', async () => {
      const res = await call('GET', '/2/query/instance?fields=name,pnode,disk_usage');
      expect(res.status).toBe(200);
      expect(res.json).toEqual({
        data: [
          [[0, 'inst1.example.com'], [0, master], [0, 1024]],
          [[0, 'inst2.example.com'], [0, master], [0, 2560]],
          [[0, 'inst3.example.com'], [0, 'node2.local'], [0, 0]],
        ],
        fields: [
          { name: 'name', title: 'Instance', kind: 'text', doc: 'Instance name' },
          { name: 'pnode', title: 'Primary_node', kind: 'text', doc: 'Primary node' },
          { name: 'disk_usage', title: 'DiskUsage', kind: 'unit', doc: 'Total disk space used by instance on each of its nodes; this is not the disk size visible to the instance, but the usage on the node' },
        ],
      });
      expect(res.text.startsWith('{"data": [[[0, "inst1.example.com"]')).toBe(true);
    });

    it('is a 400 without fields (sample 113)', async () => {
      const res = await call('GET', '/2/query/instance', { fields: ['name'] });
      expect(res.text).toBe('{"code": 400, "message": "Missing &#x27;fields&#x27; query argument", "explain": "Bad request syntax or unsupported method"}\n');
    });

    it('describes an unknown field as kind unknown with status 1', async () => {
      const res = await call('GET', '/2/query/network?fields=name,foo');
      expect(res.json).toEqual({ data: [], fields: [{ name: 'name', title: 'Network', kind: 'text', doc: 'Name' }, { name: 'foo', title: 'foo', kind: 'unknown', doc: "Unknown field 'foo'" }] });
      const nodes = (await call('GET', '/2/query/node?fields=foo')).json as { data: unknown[][] };
      expect(nodes.data).toEqual([[[1, null]], [[1, null]]]);
    });

    it('needs read or write access even without --require-authentication (A1)', async () => {
      expect((await call('GET', '/2/query/instance?fields=name', undefined, null)).status).toBe(401);
      expect((await call('PUT', '/2/query/instance', { fields: ['name'] }, null)).status).toBe(401);
    });

    it('is a 404 for an unknown resource', async () => {
      expect((await call('GET', '/2/query/cluster?fields=name')).status).toBe(404);
    });
  });

  describe('when PUT filters (sample 112)', () => {
    it('selects by name with qfilter', async () => {
      const res = await put('instance', { fields: ['name', 'pnode'], qfilter: ['=', 'name', 'inst1.example.com'] });
      expect(res.text).toBe(
        `{"data": [[[0, "inst1.example.com"], [0, "${master}"]]], "fields": [{"name": "name", "title": "Instance", "kind": "text", "doc": "Instance name"}, {"name": "pnode", "title": "Primary_node", "kind": "text", "doc": "Primary node"}]}\n`,
      );
    });

    it.each([
      [['=', 'name', 'inst2.example.com'], ['inst2.example.com']],
      [['!=', 'name', 'inst2.example.com'], ['inst1.example.com', 'inst3.example.com']],
      [['<', 'disk_usage', 1024], ['inst3.example.com']],
      [['>', 'disk_usage', 1024], ['inst2.example.com']],
      [['<=', 'disk_usage', 1024], ['inst1.example.com', 'inst3.example.com']],
      [['>=', 'disk_usage', 1024], ['inst1.example.com', 'inst2.example.com']],
      [['=~', 'name', '^inst[12]'], ['inst1.example.com', 'inst2.example.com']],
      [['!', ['=~', 'name', '^inst[12]']], ['inst3.example.com']],
      [['&', ['=', 'admin_state', 'down'], ['>', 'disk.count', 1]], ['inst2.example.com']],
      [['|', ['=', 'admin_state', 'up'], ['?', 'tags']], ['inst1.example.com', 'inst3.example.com']],
      [['?', 'tags'], ['inst1.example.com']],
      [['=', 'name', 'unknown.example.com'], []],
    ])('%j selects %j', async (qfilter, expected) => {
      expect(await names('instance', qfilter)).toEqual(expected);
    });

    it.each([
      [[1], 'Body contents: Type is &#x27;list&#x27;, but &#x27;dict&#x27; is expected'],
      [{ fields: 'name' }, 'The &#x27;fields&#x27; parameter should be a list of strings'],
      [{}, 'Missing &#x27;fields&#x27; query argument'],
    ])('refuses the body %j with a 400', async (body, message) => {
      const res = await put('instance', body);
      expect([res.status, (res.json as { message: string }).message]).toEqual([400, message]);
    });

    it('accepts the legacy key filter and falls back to ?fields', async () => {
      const res = await call('PUT', '/2/query/instance?fields=name', { filter: ['=', 'name', 'inst3.example.com'] });
      expect(res.json).toEqual({ data: [[[0, 'inst3.example.com']]], fields: [{ name: 'name', title: 'Instance', kind: 'text', doc: 'Instance name' }] });
    });

    it.each([
      ['abc', 'Cannot deserialise filter: expected array [string, args], got &quot;abc&quot;'],
      [['=', 'nosuch', 'x'], 'Can&#x27;t find field named &#x27;nosuch&#x27;'],
      [['~~', 'name', 'x'], 'Unknown operator &#x27;~~&#x27;'],
      [['=~', 'name', '('], 'Invalid regular expression &#x27;(&#x27;: Invalid regular expression: /(/: Unterminated group'],
    ])('refuses the filter %j with a 400', async (qfilter, message) => {
      const res = await put('instance', { fields: ['name'], qfilter });
      expect([res.status, (res.json as { message: string }).message]).toEqual([400, message]);
    });
  });

  describe('when live fields are asked', () => {
    it('reports an offline node\'s live values with status 4 and the instance status from the nodes', async () => {
      const res = await put('instance', { fields: ['name', 'status', 'oper_state', 'oper_ram'] });
      expect((res.json as { data: unknown[] }).data).toEqual([
        [[0, 'inst1.example.com'], [0, 'ADMIN_down'], [0, false], [3, null]],
        [[0, 'inst2.example.com'], [0, 'ADMIN_down'], [0, false], [3, null]],
        [[0, 'inst3.example.com'], [0, 'ERROR_nodeoffline'], [4, null], [4, null]],
      ]);
    });

    it('gives node memory from the hypervisor and role letters', async () => {
      const res = await put('node', { fields: ['name', 'role', 'pinst_cnt', 'mfree', 'offline'], qfilter: ['=', 'offline', true] });
      expect((res.json as { data: unknown[] }).data).toEqual([[[0, 'node2.local'], [0, 'O'], [0, 1], [4, null], [0, true]]]);
      const online = (await put('node', { fields: ['mtotal'], qfilter: ['=', 'name', master] })).json as { data: [number, unknown][][] };
      expect(online.data[0]![0]![0]).toBe(0);
      expect(typeof online.data[0]![0]![1]).toBe('number');
    });
  });

  describe('when an instance runs in the fake hypervisor of its primary node', () => {
    it('reports it running (ERROR_up, as its admin state is down) with its memory and CPUs', async () => {
      const node = (await server.container.get<ConfigStore>(ConfigStore).snapshot()).findByName('node', master)!;
      const hv = server.container.get<NodeRunner>(NodeRunner).on(node).hypervisor('fake');
      await hv.startInstance({ name: 'inst1.example.com', memory: 128, minMemory: 128, vcpus: 2, hvparams: {}, disks: [], nics: [] });
      try {
        const res = await put('instance', { fields: ['name', 'status', 'oper_state', 'oper_ram', 'oper_vcpus'], qfilter: ['=', 'oper_state', true] });
        expect((res.json as { data: unknown[] }).data).toEqual([[[0, 'inst1.example.com'], [0, 'ERROR_up'], [0, true], [0, 128], [0, 2]]]);
      } finally {
        await hv.stopInstance('inst1.example.com', { force: true });
      }
    });
  });

  describe('when the other resources are queried', () => {
    it('lists groups, jobs, exports, locks and filters', async () => {
      expect((await call('GET', '/2/query/group?fields=name,node_cnt,pinst_cnt')).json).toMatchObject({ data: [[[0, 'default'], [0, 2], [0, 3]]] });
      expect((await call('GET', '/2/query/export?fields=node,export')).json).toMatchObject({ data: [master, 'node2.local'].sort().map((n) => [[0, n], [2, null]]) });
      expect((await call('GET', '/2/query/lock?fields=name,mode,owner,pending')).json).toMatchObject({ data: [] });
      expect((await call('GET', '/2/query/filter?fields=uuid')).json).toMatchObject({ data: [] });
      const tag = await call('PUT', '/2/tags?tag=q');
      const jobs = (await put('job', { fields: ['id', 'summary'], qfilter: ['=', 'id', tag.json] })).json as { data: unknown[] };
      expect(jobs.data).toEqual([[[0, tag.json], [0, ['TAGS_SET']]]]);
    });
  });

  describe('when a job holds locks', () => {
    it('lists them with their mode and owner', async () => {
      const queue = server.container.get<JobQueue>(JobQueue);
      const op = server.container.get<OpcodeRegistry>(OpcodeRegistry).build('OP_TEST_DELAY', { duration: 0.3, no_locks: false });
      const id = await queue.submit([op]);
      while (queue.statusOf(id) !== 'running') await new Promise((r) => setTimeout(r, 5));
      const res = (await call('GET', '/2/query/lock?fields=name,mode,owner,pending')).json as { data: unknown[] };
      expect(res.data).toEqual([
        [[0, 'cluster/cluster'], [0, 'shared'], [0, [`job/${id}`]], [0, []]],
        [[0, `node/${master}`], [0, 'exclusive'], [0, [`job/${id}`]], [0, []]],
      ]);
    });
  });

  describe('when /fields is asked (sample 114)', () => {
    it('answers the named fields anonymously', async () => {
      const res = await call('GET', '/2/query/node/fields?fields=name,pip', undefined, null);
      expect(res.text).toBe('{"fields": [{"name": "name", "title": "Node", "kind": "text", "doc": "Node name"}, {"name": "pip", "title": "PrimaryIP", "kind": "text", "doc": "Primary IP address"}]}\n');
    });

    it('lists every field of a resource sorted by name', async () => {
      const res = (await call('GET', '/2/query/filter/fields')).json as { fields: { name: string; kind: string }[] };
      expect(res.fields.map((f) => f.name)).toEqual(['action', 'predicates', 'priority', 'reason_trail', 'uuid', 'watermark']);
    });
  });
});
