import { sendRequest, type TestResponse } from '@corral/testing';
import type { Instance } from '@corral/model';
import { ConfigStore } from '@corral/store';
import { JobQueue } from '@corral/jobs';
import { OpcodeRegistry } from '@corral/opcodes';
import { startTestServer, type TestServer } from './testing/start-test-server';
import { rapiTestClient } from './testing/rapi-test-client';

const NOT_FOUND = '{"code": 404, "message": "Not Found", "explain": "Nothing matches the given URI"}\n';

describe('jobs and tags over RAPI', () => {
  let server: TestServer;
  let auth: string;

  const call = (method: string, path: string, body?: unknown): Promise<TestResponse> =>
    sendRequest(`${server.url}${path}`, { method, auth, ...(body === undefined ? {} : { body: body as object }) });

  const settled = (id: number): Promise<Record<string, unknown>> => rapiTestClient(server).settled(id);

  beforeAll(async () => {
    server = await startTestServer();
    auth = server.writeAuth;
    const config = server.container.get<ConfigStore>(ConfigStore);
    const snapshot = await config.snapshot();
    const node = snapshot.list('node')[0]!;
    const now = Date.now() / 1000;
    const instance = { uuid: 'inst-uuid', serial_no: 1, ctime: now, mtime: now, tags: [], name: 'inst1', primary_node: node.uuid, secondary_nodes: [], os: 'debian', hypervisor: 'fake', disk_template: 'diskless', disks: [], nics: [], beparams: {}, hvparams: {}, osparams: {}, osparams_private: {}, admin_state: 'down', admin_state_source: 'admin', network_port: null, oper_state: false, oper_ram: null, oper_vcpus: null } as Instance;
    await config.commit({ put: [{ kind: 'instance', object: instance }] });
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when tags round-trip (J3)', () => {
    it('adds valid tags once each, lists them and deletes them', async () => {
      const put = await call('PUT', '/2/instances/inst1/tags?tag=a:b&tag=p@host&tag=a/b%2Bc*&tag=a:b');
      expect(put.status).toBe(200);
      const job = await settled(put.json as number);
      expect([job.status, job.summary, job.opresult]).toEqual(['success', ['TAGS_SET'], [null]]);
      expect((await call('GET', '/2/instances/inst1/tags')).json).toEqual(['a/b+c*', 'a:b', 'p@host']); // sorted, as Ganeti lists its tag sets
      const del = await call('DELETE', '/2/instances/inst1/tags?tag=a:b&tag=p@host&tag=a/b%2Bc*');
      expect((await settled(del.json as number)).status).toBe('success');
      expect((await call('GET', '/2/instances/inst1/tags')).json).toEqual([]);
    });

    it.each(['x+y', 'x%20y'])('decodes %s as "x y" and fails the job with TagError', async (encoded) => {
      const put = await call('PUT', `/2/instances/inst1/tags?tag=${encoded}`);
      const job = await settled(put.json as number);
      expect((job.ops as { tags: string[] }[])[0]!.tags).toEqual(['x y']);
      expect([job.status, job.opresult]).toEqual(['error', [['TagError', ['Tag contains invalid characters']]]]);
    });
  });

  describe('when tags come in the body (J2)', () => {
    it('takes a JSON list body as tags', async () => {
      const put = await call('PUT', '/2/groups/default/tags', ['from-body']);
      expect((await settled(put.json as number)).status).toBe('success');
      expect((await call('GET', '/2/groups/default/tags')).json).toEqual(['from-body']);
    });

    it('refuses a body of another shape with 400', async () => {
      const res = await call('PUT', '/2/instances/inst1/tags', { tag: ['x'] });
      expect([res.status, (res.json as { message: string }).message]).toEqual([400, 'Body contents: Type is &#x27;dict&#x27;, but &#x27;list&#x27; is expected']);
    });

    it('refuses a request with no tags at all with 400', async () => {
      const res = await call('DELETE', '/2/tags');
      expect([res.status, (res.json as { message: string }).message]).toEqual([400, 'Cannot delete all tags - please specify tag(s) using the &#x27;tag&#x27; parameter']);
    });

    it('refuses a list of non-strings as invalid body parameters', async () => {
      const res = await call('PUT', '/2/tags', [1]);
      expect([res.status, (res.json as { message: string }).message]).toEqual([
        400,
        'Invalid body parameters: (&quot;Parameter &#x27;OP_TAGS_SET.tags&#x27; fails validation&quot;, &#x27;wrong_input&#x27;)',
      ]);
    });
  });

  describe('when an object or job does not exist (J4)', () => {
    it.each(['/2/instances/NOSUCH/tags', '/2/nodes/NOSUCH/tags', '/2/groups/NOSUCH/tags', '/2/jobs/999999', '/2/jobs/abc'])('answers 404 for GET %s', async (path) => {
      const res = await call('GET', path);
      expect([res.status, res.text]).toEqual([404, NOT_FOUND]);
    });

    it('answers 404 for DELETE of an unknown job', async () => {
      expect((await call('DELETE', '/2/jobs/999999')).status).toBe(404);
    });
  });

  describe('when jobs are listed', () => {
    it('gives id/uri items, and the 3.0 fields with bulk=1', async () => {
      const id = (await call('PUT', '/2/tags?tag=listed')).json as number;
      await settled(id);
      const list = (await call('GET', '/2/jobs')).json as { id: number; uri: string }[];
      expect(list).toContainEqual({ id, uri: `/2/jobs/${id}` });
      const bulk = (await call('GET', '/2/jobs?bulk=1')).json as Record<string, unknown>[];
      const item = bulk.find((j) => j.id === id)!;
      expect(Object.keys(item)).toEqual(['id', 'ops', 'status', 'summary', 'opstatus', 'received_ts', 'start_ts', 'end_ts']);
    });

    it('returns a single job with its fields in the order real Ganeti 3.0 answers (sample 19), the reason trail included', async () => {
      const id = (await call('PUT', '/2/tags?tag=single&reason=because')).json as number;
      const job = await settled(id);
      expect(Object.keys(job)).toEqual(['id', 'ops', 'status', 'summary', 'opstatus', 'received_ts', 'start_ts', 'end_ts', 'oplog', 'opresult']);
      const reason = (job.ops as { reason: unknown[][] }[])[0]!.reason.map((r) => r.slice(0, 2));
      expect(reason).toEqual([
        ['gnt:user', 'because'],
        ['gnt:library:rlib2:tags', ''],
        ['corral:user', 'corral'],
        ['gnt:opcode:tags_set', `job=${id};index=0`],
      ]);
    });
  });

  describe('when a job is cancelled (J1)', () => {
    it('cancels the second of two long jobs on the same node over HTTP; it ends canceled and never runs', async () => {
      const queue = server.container.get<JobQueue>(JobQueue);
      const opcodes = server.container.get<OpcodeRegistry>(OpcodeRegistry);
      const long = () => opcodes.build('OP_TEST_DELAY', { duration: 0.4, on_nodes: [], on_master: true, no_locks: false });
      const first = await queue.submit([long()]);
      const second = await queue.submit([long()]);
      const cancel = await call('DELETE', `/2/jobs/${second}`);
      expect(cancel.json).toEqual([true, `Job ${second} will be canceled`]);
      const job = await settled(second);
      expect([job.status, job.opstatus, job.opresult]).toEqual(['canceled', ['canceled'], ['Job canceled by request']]);
      expect(queue.fields(second, ['opexec'])).toEqual([[null]]);
      expect((await settled(first)).status).toBe('success');
      expect((await call('DELETE', `/2/jobs/${first}`)).json).toEqual([false, `Job ${first} is no longer waiting in the queue`]);
    });
  });

  describe('when redistribute-config is requested', () => {
    it('submits OP_CLUSTER_REDIST_CONF that succeeds', async () => {
      const job = await settled((await call('PUT', '/2/redistribute-config')).json as number);
      expect([job.status, job.summary, (job.oplog as unknown[][])[0]!.length]).toEqual(['success', ['CLUSTER_REDIST_CONF'], 1]);
    });
  });

  describe('when dry-run is asked', () => {
    it('runs the job to success without changing the tags', async () => {
      const job = await settled((await call('PUT', '/2/nodes/' + (await nodeName()) + '/tags?tag=dry&dry-run=1')).json as number);
      expect(job.status).toBe('success');
      expect((await call('GET', `/2/nodes/${await nodeName()}/tags`)).json).toEqual([]);
    });
  });

  async function nodeName(): Promise<string> {
    return (await server.container.get<ConfigStore>(ConfigStore).snapshot()).list('node')[0]!.name;
  }

  describe('when waiting on a job', () => {
    it('answers the long poll within 50 ms of the job logging a message', async () => {
      const queue = server.container.get<JobQueue>(JobQueue);
      const opcodes = server.container.get<OpcodeRegistry>(OpcodeRegistry);
      const id = await queue.submit([opcodes.build('OP_TEST_DELAY', { duration: 0.3, repeat: 2 })]);
      let entries: [number, [number, number], string, string][] = [];
      let answeredAt = 0;
      while (entries.length === 0) {
        const [status] = queue.fields(id, ['status'])!;
        const res = await call('GET', `/2/jobs/${id}/wait`, { fields: ['status'], previous_job_info: [status], previous_log_serial: 0 });
        answeredAt = Date.now();
        entries = (res.json as { log_entries: typeof entries }).log_entries;
      }
      const [, [sec, usec], type, message] = entries[0]!;
      expect([type, message]).toEqual(['message', 'Test delay iteration 0/2']);
      expect(answeredAt - (sec * 1000 + usec / 1000)).toBeLessThan(50);
      await settled(id);
    });


    it('requires a dict body with a fields list', async () => {
      const id = (await call('PUT', '/2/tags?tag=w')).json as number;
      const res = await call('GET', `/2/jobs/${id}/wait`, { fields: 'status' });
      expect([res.status, (res.json as { message: string }).message]).toEqual([400, 'The &#x27;fields&#x27; parameter should be a list']);
    });
  });
});
