import { HttpError } from '@corral/http';
import type { RapiRow } from '../rapi-row';
import { submitJob } from '../submit-job';

const POLL_MS = 30_000;

/** Ganeti's CalculateOSNames: `name+variant` for each variant, else the bare name. */
function osNames(name: string, variants: readonly string[] | null): string[] {
  return variants && variants.length > 0 ? variants.map((v) => `${name}+${v}`) : [name];
}

/**
 * `GET /2/os`: like Ganeti, submits OP_OS_DIAGNOSE and waits for it
 * synchronously (stopping when the client goes away), then lists the OS
 * names. A failed job is an HTTP error carrying the job's error.
 */
export const osRows: readonly RapiRow[] = [
  {
    path: '/2/os',
    resource: 'os',
    GET: {
      handle: async (req, services) => {
        const id = await submitJob(services, req, 'os', [{ opId: 'OP_OS_DIAGNOSE', fields: { output_fields: ['name', 'variants'], names: [] } }]);
        let previous: unknown[] | null = null;
        for (;;) {
          const change = await services.jobs.waitForChange(id, ['status'], previous, null, POLL_MS, req.signal);
          const status = change?.job_info[0];
          if (status === 'success' || status === 'error' || status === 'canceled') break;
          if (req.signal.aborted) throw new HttpError(500, 'Client went away while waiting for the OS list');
          previous = change?.job_info ?? null;
        }
        const [status, opresult] = (await services.jobs.readFields(id, ['status', 'opresult'])) ?? [];
        const result = (opresult as unknown[] | undefined)?.[0];
        if (status !== 'success' || !Array.isArray(result)) {
          throw new HttpError(502, `Can't get OS list: job ${id} ended ${String(status)}: ${JSON.stringify(result ?? null)}`);
        }
        return (result as [string, string[] | null][]).flatMap(([name, variants]) => osNames(name, variants));
      },
    },
  },
];
