import { sendRequest, type TestResponse } from '@corral/testing';
import type { TestServer } from './start-test-server';

/** A finished job as `GET /2/jobs/[id]` shows it. */
export type FinishedJob = Record<string, unknown> & { status: string; opresult: unknown[]; oplog: unknown[][] };

/** What integration tests use to talk to a test server: requests with the write user, and job completion. */
export interface RapiTestClient {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  /** Waits (long-polling `/2/jobs/[id]/wait`) until the job is finalised and returns it. */
  settled(id: unknown): Promise<FinishedJob>;
  /** Sends the request (a string body as a JSON string), expects a job id and waits for the job. */
  job(method: string, path: string, body?: unknown): Promise<FinishedJob>;
}

/** A {@link RapiTestClient} bound to a server and its generated write user. */
export function rapiTestClient(server: TestServer): RapiTestClient {
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> =>
    sendRequest(`${server.url}${path}`, { method, auth: server.writeAuth, headers, ...(body === undefined ? {} : { body: body as object }) });
  const settled = async (id: unknown): Promise<FinishedJob> => {
    if (typeof id !== 'number') throw new Error(`Expected a job id, got ${JSON.stringify(id)}`);
    let previous: unknown[] | null = null;
    for (;;) {
      const res = await call('GET', `/2/jobs/${id}/wait`, { fields: ['status'], previous_job_info: previous, previous_log_serial: 1e9 });
      const [status] = (res.json as { job_info: string[] }).job_info;
      if (['success', 'error', 'canceled'].includes(status!)) return (await call('GET', `/2/jobs/${id}`)).json as FinishedJob;
      if (status === 'canceling') await new Promise((r) => setTimeout(r, 5));
      previous = [status];
    }
  };
  return {
    call,
    settled,
    job: async (method, path, body) => {
      // A string is sent as a JSON string (the role body), anything else as JSON by sendRequest.
      const res = typeof body === 'string' ? await call(method, path, JSON.stringify(body), { 'Content-Type': 'application/json' }) : await call(method, path, body);
      if (res.status !== 200) throw new Error(`${method} ${path} answered ${res.status}: ${res.text}`);
      return settled(res.json);
    },
  };
}
