import { HttpError, type RouteRequest } from '@corral/http';
import type { Instance, Node } from '@corral/model';
import { instanceHypervisorSpec, observeNodes, type NodeObservations } from '@corral/opcodes';
import type { ConfigSnapshot } from '@corral/store';
import { bodyDict, creationFields } from '../creation-request';
import { opcodeBody } from '../opcode-body';
import { instanceBulkRows } from '../query/instance-bulk-rows';
import { notFound } from '../not-found';
import type { RapiRow } from '../rapi-row';
import type { RapiServices } from '../rapi-services';
import { submitJob } from '../submit-job';
import { rapiPath } from '../rapi-path';

const path = (suffix = ''): RegExp => rapiPath(`/2/instances/:name${suffix}`);

/** The given nodes asked once each for their running instances; without a node runner every node is silent. */
function observe(services: RapiServices, snapshot: ConfigSnapshot, nodes: readonly Node[]): Promise<NodeObservations> {
  return observeNodes(services.runner, snapshot.list('cluster')[0]!, nodes, { instances: true });
}

async function existing(services: RapiServices, req: RouteRequest): Promise<{ snapshot: ConfigSnapshot; instance: Instance }> {
  const snapshot = await services.config.snapshot();
  const instance = snapshot.findByName('instance', req.params.name ?? '');
  if (!instance) throw notFound();
  return { snapshot, instance };
}

/** `POST /2/instances`: request version 1 only (ganeti-facts §4.1). */
async function createInstance(req: RouteRequest, services: RapiServices): Promise<number> {
  const body = bodyDict(req.body);
  const version = body.__version__ ?? 0;
  if (version === 0) throw new HttpError(400, 'Instance creation request version 0 is no longer supported');
  if (version !== 1) throw new HttpError(400, `Unsupported request data version ${String(version)}`);
  const { __version__: _, ...rest } = body;
  const fields = creationFields(services.opcodes, rest, { dry_run: req.query.flag('dry-run') });
  return submitJob(services, req, 'instances', [{ opId: 'OP_INSTANCE_CREATE', fields }]);
}

/** `/2/instances`, `/2/instances/[i]` and its lifecycle sub-resources. */
export const instancesRows: readonly RapiRow[] = [
  {
    path: '/2/instances',
    resource: 'instances',
    GET: {
      handle: async (req, services) => {
        const snapshot = await services.config.snapshot();
        if (!req.query.flag('bulk')) return snapshot.list('instance').map((i) => ({ id: i.name, uri: `/2/instances/${i.name}` }));
        return services.instanceBulkCache.listing(snapshot, await observe(services, snapshot, snapshot.list('node')));
      },
    },
    POST: { handle: createInstance },
  },
  {
    path: path(),
    resource: 'instances_name',
    GET: {
      handle: async (req, services) => {
        const { snapshot, instance } = await existing(services, req);
        // As Ganeti: only the instance's own nodes are asked.
        const nodes = [instance.primary_node, ...instance.secondary_nodes].flatMap((uuid) => snapshot.get('node', uuid) ?? []);
        return instanceBulkRows(snapshot, await observe(services, snapshot, nodes), [instance])[0];
      },
    },
    DELETE: {
      handle: (req, services) => {
        const fields = opcodeBody(req, { instance_name: req.params.name, ignore_failures: false, dry_run: req.query.flag('dry-run') });
        return submitJob(services, req, 'instances_name', [{ opId: 'OP_INSTANCE_REMOVE', fields }]);
      },
    },
  },
  {
    path: path('/info'),
    resource: 'instances_name_info',
    GET: {
      handle: async (req, services) => {
        await existing(services, req);
        const fields = { instances: [req.params.name], static: req.query.flag('static') };
        return submitJob(services, req, 'instances_name_info', [{ opId: 'OP_INSTANCE_QUERY_DATA', fields }]);
      },
    },
  },
  {
    path: path('/reboot'),
    resource: 'instances_name_reboot',
    POST: {
      handle: (req, services) => {
        const type = req.query.get('type') ?? 'hard';
        if (!['soft', 'hard', 'full'].includes(type)) throw new HttpError(400, `Invalid reboot type '${type}'; must be one of soft, hard, full`);
        const fields = opcodeBody(req, {
          instance_name: req.params.name,
          reboot_type: type,
          ignore_secondaries: req.query.flag('ignore_secondaries'),
          dry_run: req.query.flag('dry-run'),
        });
        return submitJob(services, req, 'instances_name_reboot', [{ opId: 'OP_INSTANCE_REBOOT', fields }]);
      },
    },
  },
  {
    path: path('/shutdown'),
    resource: 'instances_name_shutdown',
    PUT: {
      handle: (req, services) => {
        const fields = opcodeBody(req, { instance_name: req.params.name, no_remember: req.query.flag('no_remember'), dry_run: req.query.flag('dry-run') });
        return submitJob(services, req, 'instances_name_shutdown', [{ opId: 'OP_INSTANCE_SHUTDOWN', fields }]);
      },
    },
  },
  {
    path: path('/startup'),
    resource: 'instances_name_startup',
    PUT: {
      handle: (req, services) => {
        const fields = {
          instance_name: req.params.name,
          force: req.query.flag('force'),
          no_remember: req.query.flag('no_remember'),
          dry_run: req.query.flag('dry-run'),
        };
        return submitJob(services, req, 'instances_name_startup', [{ opId: 'OP_INSTANCE_STARTUP', fields }]);
      },
    },
  },
  {
    path: path('/console'),
    resource: 'instances_name_console',
    GET: {
      access: ['read', 'write'],
      handle: async (req, services) => {
        const { snapshot, instance } = await existing(services, req);
        const node = snapshot.get('node', instance.primary_node);
        if (!node || node.offline || !services.runner) throw new HttpError(503, 'Instance console unavailable');
        const hypervisor = services.runner.on(node).hypervisor(instance.hypervisor);
        const running = await hypervisor.getInstanceInfo(instance.name).catch(() => null);
        if (!running) throw new HttpError(503, 'Instance console unavailable');
        return hypervisor.getInstanceConsole(instanceHypervisorSpec(snapshot.list('cluster')[0]!, instance), node.name);
      },
    },
  },
];
