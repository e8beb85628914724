import type { ScriptRequest } from './request-script';
import type { TargetServer } from './target-server';

/** The only instance names a script may leave on the live reference (its README's test names). */
export const TEST_INSTANCE = /^inst[1-5]\.example\.com$/;

const request = (name: string, method: string, path: string, extra: Partial<ScriptRequest> = {}): ScriptRequest => ({
  name,
  method,
  path,
  auth: 'write',
  authMode: 'require',
  ...extra,
});

/**
 * Removes the test instances (inst1..inst5.example.com) a replay left on a
 * server, waiting for each removal job; answers the names removed. The
 * sample script creates inst1..inst3 and removes only inst2.
 */
export async function removeTestInstances(target: TargetServer): Promise<string[]> {
  const [listing] = await target.run([request('list', 'GET', '/2/instances')], 'require');
  if (listing?.status !== 200) throw new Error(`Listing the instances to remove failed: ${listing?.status} ${listing?.body}`);
  const names = (JSON.parse(listing.body) as { id: string }[]).map((i) => i.id).filter((n) => TEST_INSTANCE.test(n));
  for (const name of names) {
    const [removal, job] = await target.run(
      [request(`remove ${name}`, 'DELETE', `/2/instances/${name}`), request(`wait ${name}`, 'GET', '/2/jobs/0', { jobOfPrevious: true, waitForJob: true })],
      'require',
    );
    const status = job?.status === 200 ? (JSON.parse(job.body) as { status?: string }).status : undefined;
    if (removal?.status !== 200 || status !== 'success') throw new Error(`Removing ${name} failed: ${removal?.status} ${removal?.body} / job ${status}`);
  }
  return names;
}
