import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendRequest, type TestResponse } from '@corral/testing';
import { JobQueue } from '@corral/jobs';
import { startTestServer, type TestServer } from './testing/start-test-server';
import { rapiTestClient } from './testing/rapi-test-client';

describe('archived jobs over RAPI', () => {
  let dir: string;
  let server: TestServer;
  let auth: string;

  const call = (method: string, path: string, body?: unknown): Promise<TestResponse> =>
    sendRequest(`${server.url}${path}`, { method, auth, ...(body === undefined ? {} : { body: body as object }) });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corral-archived-'));
    server = await startTestServer({ dataDir: dir });
    auth = server.writeAuth;
  });
  afterEach(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('when a finished job was archived and the server restarted', () => {
    it('answers GET /2/jobs/[id] with the same bytes as before, without loading archived jobs into memory', async () => {
      const id = (await call('PUT', '/2/tags?tag=archived-one')).json as number;
      await rapiTestClient(server).settled(id);
      const before = await call('GET', `/2/jobs/${id}`);
      expect(before.status).toBe(200);
      expect(await server.container.get<JobQueue>(JobQueue).archiveOld(0)).toBe(1);
      await server.stop();
      server = await startTestServer({ dataDir: dir });
      expect(server.container.get<JobQueue>(JobQueue).residentJobs()).toEqual({ entries: 0, fullRecords: 0 });
      const after = await call('GET', `/2/jobs/${id}`);
      expect([after.status, after.text]).toEqual([200, before.text]);
      expect((await call('GET', '/2/jobs')).json).toEqual([]);
      expect((await call('GET', `/2/jobs/${id}/wait`, { fields: ['status', 'id'], previous_job_info: null, previous_log_serial: null })).json).toEqual({
        job_info: ['success', id],
        log_entries: [],
      });
      expect((await call('DELETE', `/2/jobs/${id}`)).json).toEqual([false, `Job ${id} is no longer waiting in the queue`]);
      expect((await call('GET', `/2/jobs/${id + 1}`)).status).toBe(404);
    });
  });
});
