import { HttpError } from '@corral/http';
import { bodyDict, creationFields } from '../creation-request';
import { pythonTypeName } from '../python-type-name';
import type { RapiRow } from '../rapi-row';
import { submitJob } from '../submit-job';

const ALLOWED = ['instances', 'iallocator', 'opportunistic_locking'];

/** `POST /2/instances-multi-alloc`: OP_INSTANCE_MULTI_ALLOC, each entry validated as a creation (ganeti-facts §2.6). */
export const instancesMultiAllocRows: readonly RapiRow[] = [
  {
    path: '/2/instances-multi-alloc',
    resource: 'instances_multi_alloc',
    POST: {
      handle: (req, services) => {
        const body = bodyDict(req.body);
        if (!('instances' in body)) throw new HttpError(400, "Request is missing required 'instances' field in body");
        if (!Array.isArray(body.instances)) throw new HttpError(400, `Invalid body parameters: 'instances' is of type '${pythonTypeName(body.instances)}', but a list is expected`);
        if ('dry_run' in body) throw new HttpError(400, "Can't overwrite static parameters {'dry_run'}");
        const unknown = Object.keys(body).filter((k) => !ALLOWED.includes(k));
        if (unknown.length > 0) throw new HttpError(400, `Invalid body parameters: Object OpInstanceMultiAlloc doesn't support the parameter '${unknown[0]}'`);
        const instances = body.instances.map((entry) => ({ OP_ID: 'OP_INSTANCE_CREATE', ...creationFields(services.opcodes, bodyDict(entry)) }));
        const fields = { ...body, instances, dry_run: req.query.flag('dry-run') };
        return submitJob(services, req, 'instances_multi_alloc', [{ opId: 'OP_INSTANCE_MULTI_ALLOC', fields }]);
      },
    },
  },
];
