import { HttpError, type RouteRequest } from '@corral/http';
import { fillOpcodeFields } from '../fill-opcode-fields';
import { pythonTypeName } from '../python-type-name';
import type { RapiRow } from '../rapi-row';
import type { RapiServices } from '../rapi-services';
import { submitJob } from '../submit-job';
import { rapiPath } from '../rapi-path';

const instancePath = (suffix: string): RegExp => rapiPath(`/2/instances/:name/${suffix}`);

/** Python's truth of a request body, as Ganeti tests `if self.request_body:` (`{}`, `[]`, `""`, `0` are false). */
function truthy(body: unknown): boolean {
  if (body === null || body === undefined || body === false || body === 0 || body === '') return false;
  if (Array.isArray(body)) return body.length > 0;
  if (typeof body === 'object') return Object.keys(body).length > 0;
  return true;
}

/** `dry_run` from `?dry-run=` when the query has it (the opcode's default applies otherwise). */
function dryRunStatic(req: RouteRequest): Record<string, unknown> {
  return req.query.has('dry-run') ? { dry_run: req.query.flag('dry-run') } : {};
}

/** A row whose one method submits one opcode built the generic way (body + static instance_name). */
function genericRow(
  method: 'PUT' | 'POST',
  suffix: string,
  resource: string,
  opId: string,
  rename: Record<string, string> = {},
  extraStatic: (req: RouteRequest) => Record<string, unknown> = () => ({}),
): RapiRow {
  const handle = (req: RouteRequest, services: RapiServices): Promise<number> =>
    submitJob(services, req, resource, [
      { opId, fields: fillOpcodeFields(req, { static: { instance_name: req.params.name, ...dryRunStatic(req), ...extraStatic(req) }, rename }) },
    ]);
  return { path: instancePath(suffix), resource, [method]: { handle } };
}

/** `POST reinstall`: shutdown, reinstall and (unless `start` is false) startup, in one job. */
function reinstallOps(req: RouteRequest): { opId: string; fields: Record<string, unknown> }[] {
  let body: unknown;
  if (truthy(req.body)) {
    if (req.query.keys().length > 0) throw new HttpError(400, "Can't combine query and body parameters");
    body = req.body;
  } else if (req.query.keys().length > 0) {
    body = { os: req.query.get('os') ?? null, start: !req.query.int('nostartup') };
  } else {
    body = {};
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'Invalid body contents, not a dictionary');
  const data = body as Record<string, unknown>;
  const start = 'start' in data ? data.start : true;
  if (typeof start !== 'boolean') throw new HttpError(400, `'start' parameter: Type is '${pythonTypeName(start)}', but 'bool' is expected`);
  const name = req.params.name;
  const ops = [
    { opId: 'OP_INSTANCE_SHUTDOWN', fields: { instance_name: name } },
    { opId: 'OP_INSTANCE_REINSTALL', fields: { instance_name: name, os_type: data.os ?? null, osparams: data.osparams ?? null } },
  ];
  if (start) ops.push({ opId: 'OP_INSTANCE_STARTUP', fields: { instance_name: name, force: false } as never });
  return ops;
}

/** `POST replace-disks`: the body, or the legacy query args when there is none; `disks` as "0,1" or a list. */
function replaceDisksFields(req: RouteRequest): Record<string, unknown> {
  let data: Record<string, unknown>;
  if (truthy(req.body)) {
    if (typeof req.body !== 'object' || Array.isArray(req.body)) throw new HttpError(400, `Body contents: Type is '${pythonTypeName(req.body)}', but 'dict' is expected`);
    data = { ...(req.body as Record<string, unknown>) };
  } else if (req.query.keys().length > 0) {
    data = {
      remote_node: req.query.get('remote_node') ?? null,
      mode: req.query.get('mode') ?? null,
      disks: req.query.get('disks') ?? null,
      iallocator: req.query.get('iallocator') ?? null,
    };
  } else {
    data = {};
  }
  if ('disks' in data) {
    const raw = data.disks;
    delete data.disks;
    if (raw !== null && raw !== '' && !(Array.isArray(raw) && raw.length === 0)) {
      if (Array.isArray(raw) && raw.every((v) => Number.isInteger(v))) data.disks = raw;
      else if (typeof raw === 'string') {
        data.disks = raw.split(',').map((part) => {
          if (!/^\s*[+-]?\d+\s*$/.test(part)) throw new HttpError(400, `Invalid disk index passed: invalid literal for int() with base 10: '${part}'`);
          return Number(part.trim());
        });
      } else {
        throw new HttpError(400, `Invalid disk index passed: '${pythonTypeName(raw)}' object has no attribute 'split'`);
      }
    }
  }
  return fillOpcodeFields(req, { body: data, static: { instance_name: req.params.name, ...dryRunStatic(req) } });
}

/**
 * The instance operations: migrate, failover, rename, modify, reinstall,
 * replace/activate/deactivate/recreate disks, disk grow, prepare-export and
 * export. Each submits a job; a missing instance fails in the job
 * (`unknown_entity`), as in Ganeti.
 */
export const instanceOperationsRows: readonly RapiRow[] = [
  genericRow('PUT', 'migrate', 'instances_name_migrate', 'OP_INSTANCE_MIGRATE'),
  genericRow('PUT', 'failover', 'instances_name_failover', 'OP_INSTANCE_FAILOVER'),
  genericRow('PUT', 'rename', 'instances_name_rename', 'OP_INSTANCE_RENAME'),
  genericRow('PUT', 'modify', 'instances_name_modify', 'OP_INSTANCE_SET_PARAMS', { custom_beparams: 'beparams', custom_hvparams: 'hvparams' }),
  genericRow('POST', 'recreate-disks', 'instances_name_recreate_disks', 'OP_INSTANCE_RECREATE_DISKS'),
  genericRow('PUT', 'export', 'instances_name_export', 'OP_BACKUP_EXPORT', { destination: 'target_node' }),
  {
    path: rapiPath('/2/instances/:name/disk/:disk/grow'),
    resource: 'instances_name_disk_grow',
    POST: {
      handle: (req, services) =>
        submitJob(services, req, 'instances_name_disk_grow', [
          {
            opId: 'OP_INSTANCE_GROW_DISK',
            fields: fillOpcodeFields(req, { static: { instance_name: req.params.name, disk: Number(req.params.disk), ...dryRunStatic(req) } }),
          },
        ]),
    },
  },
  {
    path: instancePath('reinstall'),
    resource: 'instances_name_reinstall',
    POST: { handle: (req, services) => submitJob(services, req, 'instances_name_reinstall', reinstallOps(req)) },
  },
  {
    path: instancePath('replace-disks'),
    resource: 'instances_name_replace_disks',
    POST: { handle: (req, services) => submitJob(services, req, 'instances_name_replace_disks', [{ opId: 'OP_INSTANCE_REPLACE_DISKS', fields: replaceDisksFields(req) }]) },
  },
  {
    path: instancePath('activate-disks'),
    resource: 'instances_name_activate_disks',
    PUT: {
      handle: (req, services) =>
        submitJob(services, req, 'instances_name_activate_disks', [
          { opId: 'OP_INSTANCE_ACTIVATE_DISKS', fields: { instance_name: req.params.name, ignore_size: req.query.flag('ignore_size') } },
        ]),
    },
  },
  {
    path: instancePath('deactivate-disks'),
    resource: 'instances_name_deactivate_disks',
    PUT: {
      handle: (req, services) =>
        submitJob(services, req, 'instances_name_deactivate_disks', [
          { opId: 'OP_INSTANCE_DEACTIVATE_DISKS', fields: { instance_name: req.params.name, force: req.query.flag('force') } },
        ]),
    },
  },
  {
    path: instancePath('prepare-export'),
    resource: 'instances_name_prepare_export',
    PUT: {
      handle: (req, services) =>
        submitJob(services, req, 'instances_name_prepare_export', [
          { opId: 'OP_BACKUP_PREPARE', fields: { instance_name: req.params.name, mode: req.query.get('mode') ?? null } },
        ]),
    },
  },
];
