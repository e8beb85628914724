import { sendRequest, type TestResponse } from '@corral/testing';
import { JobQueue } from '@corral/jobs';
import { OpcodeRegistry } from '@corral/opcodes';
import { startTestServer, type TestServer } from './testing/start-test-server';
import { rapiTestClient } from './testing/rapi-test-client';

const NOT_FOUND = '{"code": 404, "message": "Not Found", "explain": "Nothing matches the given URI"}\n';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('job filter rules over RAPI', () => {
  let server: TestServer;

  const call = (method: string, path: string, body?: unknown): Promise<TestResponse> =>
    sendRequest(`${server.url}${path}`, { method, auth: server.writeAuth, ...(body === undefined ? {} : { body: body as object }) });

  async function job(id: number): Promise<Record<string, unknown>> {
    return (await call('GET', `/2/jobs/${id}`)).json as Record<string, unknown>;
  }

  const settled = (id: number): Promise<Record<string, unknown>> => rapiTestClient(server).settled(id);

  async function addFilter(body: unknown): Promise<string> {
    const res = await call('POST', '/2/filters', body);
    expect(res.status).toBe(200);
    return res.json as string;
  }

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when rules are created, read, replaced and deleted', () => {
    let uuid: string;
    beforeAll(async () => {
      await settled((await call('PUT', '/2/tags?tag=before')).json as number);
      uuid = await addFilter({ priority: 5, predicates: [['opcode', ['=', 'OP_ID', 'OP_TEST_DELAY']]], action: 'PAUSE', reason: [['me', 'why', 1]] });
    });
    afterAll(async () => {
      await call('DELETE', `/2/filters/${uuid}`);
    });

    it('returns a new uuid string', () => expect(uuid).toMatch(UUID));

    it('lists it as uuid and uri', async () => {
      expect((await call('GET', '/2/filters')).text).toBe(`[{"uuid": "${uuid}", "uri": "/2/filters/${uuid}"}]\n`);
    });

    it('shows Ganeti 3.0\'s fields: watermark, "=" stored as "==", the reason trail extended', async () => {
      const rule = (await call('GET', `/2/filters/${uuid}`)).json as Record<string, unknown>;
      expect(Object.keys(rule)).toEqual(['watermark', 'priority', 'predicates', 'action', 'reason_trail', 'uuid']);
      expect({ ...rule, reason_trail: (rule.reason_trail as unknown[]).slice(0, 1) }).toEqual({
        watermark: 1, priority: 5, predicates: [['opcode', ['==', 'OP_ID', 'OP_TEST_DELAY']]], action: 'PAUSE', reason_trail: [['me', 'why', 1]], uuid,
      });
      expect((await call('GET', '/2/filters?bulk=1')).json).toEqual([rule]);
    });

    it('replaces it with PUT, keeping the uuid, with the defaults', async () => {
      expect((await call('PUT', `/2/filters/${uuid}`, { action: ['RATE_LIMIT', 3] })).json).toBe(uuid);
      const rule = (await call('GET', `/2/filters/${uuid}`)).json as Record<string, unknown>;
      expect([rule.priority, rule.predicates, rule.action]).toEqual([0, [], ['RATE_LIMIT', 3]]);
    });

    it('creates one with PUT on a new uuid, and DELETE answers null', async () => {
      const fresh = '11111111-2222-3333-4444-555555555555';
      expect((await call('PUT', `/2/filters/${fresh}`, {})).json).toBe(fresh);
      expect((await call('GET', `/2/filters/${fresh}`)).json).toMatchObject({ action: 'CONTINUE', priority: 0, predicates: [] });
      expect((await call('DELETE', `/2/filters/${fresh}`)).text).toBe('null\n');
      expect((await call('GET', `/2/filters/${fresh}`)).text).toBe(NOT_FOUND);
      expect((await call('DELETE', `/2/filters/${fresh}`)).text).toBe(NOT_FOUND);
    });

    it.each([
      [{ foo: 1 }, 'Invalid body parameters: filter rule doesn&#x27;t support the parameter &#x27;foo&#x27;'],
      [{ action: 'BAD' }, 'malformed FilterAction JSON: &quot;BAD&quot;'],
      [{ priority: -1 }, 'Invalid value for non-negative type &#x27;-1&#x27;'],
      [[1], 'Invalid body contents, not a dictionary'],
      [{ predicates: [['nosuch', ['=', 'id', 1]]] }, 'Invalid filter predicates: Unknown filter predicate &#x27;nosuch&#x27;'],
      [{ predicates: [['jobid', ['=', 'foo', 1]]] }, 'Invalid filter predicates: Can&#x27;t find field named &#x27;foo&#x27;'],
    ])('refuses %j with a 400', async (body, message) => {
      const res = await call('POST', '/2/filters', body);
      expect([res.status, (res.json as { message: string }).message]).toEqual([400, message]);
    });
  });

  describe('when PUT names a malformed uuid', () => {
    it('is a 400 (Ganeti 3.0: 500)', async () => {
      const res = await call('PUT', '/2/filters/abc', {});
      expect(res.text).toBe('{"code": 400, "message": "Unable to parse UUID", "explain": "Bad request syntax or unsupported method"}\n');
    });
  });

  describe('when a REJECT rule matches a job', () => {
    it('cancels the job and leaves others alone', async () => {
      const uuid = await addFilter({ predicates: [['opcode', ['=', 'OP_ID', 'OP_TAGS_SET']], ['opcode', ['=', 'kind', 'cluster']]], action: 'REJECT' });
      const rejected = await settled((await call('PUT', '/2/tags?tag=rejected')).json as number);
      const other = await settled((await call('DELETE', '/2/tags?tag=before')).json as number);
      await call('DELETE', `/2/filters/${uuid}`);
      expect([rejected.status, rejected.opstatus, rejected.opresult]).toEqual(['canceled', ['canceled'], ['Job canceled by request']]);
      expect(other.status).toBe('success');
      expect((await call('GET', '/2/tags')).json).toEqual([]);
    });
  });

  describe('when a PAUSE rule matches a job (reason predicate)', () => {
    it('keeps it queued until the rule is deleted, then runs it', async () => {
      const uuid = await addFilter({ predicates: [['reason', ['=~', 'reason', '^hold-me$']]], action: 'PAUSE' });
      const held = (await call('PUT', '/2/tags?tag=held&reason=hold-me')).json as number;
      const free = await settled((await call('PUT', '/2/tags?tag=free')).json as number);
      expect([free.status, (await job(held)).status]).toEqual(['success', 'queued']);
      expect((await call('DELETE', `/2/filters/${uuid}`)).json).toBeNull();
      expect((await settled(held)).status).toBe('success');
    });
  });

  describe('when an ACCEPT rule comes first', () => {
    it('runs the job although a later REJECT rule matches too; CONTINUE rules are passed over', async () => {
      const cont = await addFilter({ priority: 0, predicates: [], action: 'CONTINUE' });
      const accept = await addFilter({ priority: 1, predicates: [['opcode', ['=[]', 'tags', 'accepted']]], action: 'ACCEPT' });
      const reject = await addFilter({ priority: 2, predicates: [], action: 'REJECT' });
      const ok = await settled((await call('PUT', '/2/tags?tag=accepted')).json as number);
      for (const uuid of [cont, accept, reject]) await call('DELETE', `/2/filters/${uuid}`);
      expect(ok.status).toBe('success');
    });
  });

  describe('when a RATE_LIMIT 1 rule matches delay jobs newer than its watermark', () => {
    it('runs them one at a time, though they take no locks', async () => {
      const queue = server.container.get<JobQueue>(JobQueue);
      const registry = server.container.get<OpcodeRegistry>(OpcodeRegistry);
      const uuid = await addFilter({ predicates: [['jobid', ['>', 'id', 'watermark']], ['opcode', ['=', 'OP_ID', 'OP_TEST_DELAY']]], action: ['RATE_LIMIT', 1] });
      const ids = await Promise.all([0, 1, 2].map(() => queue.submit([registry.build('OP_TEST_DELAY', { duration: 0.1 })])));
      const jobs = await Promise.all(ids.map(settled));
      await call('DELETE', `/2/filters/${uuid}`);
      const ts = (t: unknown): number => (t as number[])[0]! * 1e6 + (t as number[])[1]!;
      expect(jobs.map((j) => j.status)).toEqual(['success', 'success', 'success']);
      const spans = jobs.map((j) => [ts(j.start_ts), ts(j.end_ts)]).sort((a, b) => a[0]! - b[0]!);
      expect(spans[1]![0]! >= spans[0]![1]! && spans[2]![0]! >= spans[1]![1]!).toBe(true);
    });

    it('counts a matching job already running when the rule is added', async () => {
      const queue = server.container.get<JobQueue>(JobQueue);
      const registry = server.container.get<OpcodeRegistry>(OpcodeRegistry);
      const first = await queue.submit([registry.build('OP_TEST_DELAY', { duration: 0.2 })]);
      while (queue.statusOf(first) !== 'running') await new Promise((r) => setTimeout(r, 5));
      const uuid = await addFilter({ predicates: [['opcode', ['=', 'OP_ID', 'OP_TEST_DELAY']]], action: ['RATE_LIMIT', 1] });
      const second = await queue.submit([registry.build('OP_TEST_DELAY', { duration: 0 })]);
      const [a, b] = await Promise.all([settled(first), settled(second)]);
      await call('DELETE', `/2/filters/${uuid}`);
      const ts = (t: unknown): number => (t as number[])[0]! * 1e6 + (t as number[])[1]!;
      expect(ts(b.start_ts) >= ts(a.end_ts)).toBe(true);
    });

    it('lets them overlap without the rule', async () => {
      const queue = server.container.get<JobQueue>(JobQueue);
      const registry = server.container.get<OpcodeRegistry>(OpcodeRegistry);
      const ids = await Promise.all([0, 1].map(() => queue.submit([registry.build('OP_TEST_DELAY', { duration: 0.2 })])));
      const jobs = await Promise.all(ids.map(settled));
      const ts = (t: unknown): number => (t as number[])[0]! * 1e6 + (t as number[])[1]!;
      expect(ts(jobs[1]!.start_ts) < ts(jobs[0]!.end_ts)).toBe(true);
    });
  });
});
