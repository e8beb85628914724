import { HttpError, type RouteRequest } from '@corral/http';
import { JOB_BULK_FIELDS, JOB_FIELDS } from '@corral/jobs';
import { notFound } from '../not-found';
import { pythonTypeName } from '../python-type-name';
import type { RapiRow } from '../rapi-row';
import type { RapiServices } from '../rapi-services';
import { rapiPath } from '../rapi-path';

/** How long `/wait` blocks without a change (Ganeti's RAPI timeout). */
export const JOB_WAIT_TIMEOUT_MS = 10_000;

/** The job id of the path; anything but a known integer id is a 404. */
async function jobId(request: RouteRequest, services: RapiServices): Promise<number> {
  const raw = request.params.id ?? '';
  const id = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || !(await services.jobs.exists(id))) throw notFound();
  return id;
}

/** The values of the fields of a job that exists (it may be archived since: it is still found by id). */
async function readFields(services: RapiServices, id: number, fields: readonly string[]): Promise<unknown[]> {
  const values = await services.jobs.readFields(id, fields);
  if (!values) throw notFound();
  return values;
}

function asObject(fields: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f, i) => [f, values[i]]));
}

/** `/2/jobs`, `/2/jobs/[id]` and `/2/jobs/[id]/wait`. */
export const jobsRows: readonly RapiRow[] = [
  {
    path: '/2/jobs',
    resource: 'jobs',
    GET: {
      handle: async (req, services) => {
        const ids = services.jobs.list();
        if (!req.query.flag('bulk')) return ids.map((id) => ({ id, uri: `/2/jobs/${id}` }));
        const rows: Record<string, unknown>[] = [];
        for (const id of ids) {
          const values = await services.jobs.readFields(id, JOB_BULK_FIELDS);
          if (values) rows.push(asObject(JOB_BULK_FIELDS, values)); // a job purged meanwhile is left out
        }
        return rows;
      },
    },
  },
  {
    path: rapiPath('/2/jobs/:id'),
    resource: 'jobs_id',
    GET: {
      handle: async (req, services) => asObject(JOB_FIELDS, await readFields(services, await jobId(req, services), JOB_FIELDS)),
    },
    DELETE: {
      handle: async (req, services) => {
        const answer = await services.jobs.cancel(await jobId(req, services));
        if (!answer) throw notFound();
        return answer;
      },
    },
  },
  {
    path: rapiPath('/2/jobs/:id/wait'),
    resource: 'jobs_id_wait',
    GET: {
      access: ['write'],
      handle: async (req, services) => {
        const id = await jobId(req, services);
        const body = req.body;
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          throw new HttpError(400, `Body contents: Type is '${pythonTypeName(body)}', but 'dict' is expected`);
        }
        const { fields, previous_job_info: previous = null, previous_log_serial: serial = null } = body as Record<string, unknown>;
        if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string')) throw new HttpError(400, "The 'fields' parameter should be a list");
        if (previous !== null && !Array.isArray(previous)) throw new HttpError(400, "The 'previous_job_info' parameter should be a list");
        if (serial !== null && !(typeof serial === 'number' && Number.isInteger(serial))) {
          throw new HttpError(400, "The 'previous_log_serial' parameter should be a number");
        }
        const change = await services.jobs.waitForChange(id, fields, previous, serial, JOB_WAIT_TIMEOUT_MS, req.signal);
        if (!change) throw notFound();
        return change;
      },
    },
  },
];
