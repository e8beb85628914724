import { HttpError, type RouteRequest } from '@corral/http';
import { nodeRoleLetter, nodeRoleWord } from '@corral/model';
import { fillOpcodeFields } from '../fill-opcode-fields';
import { observeNodes } from '@corral/opcodes';
import type { Node } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import { nodeFields, nodeRows, NODE_BULK_FIELDS } from '../query/node-fields';
import { notFound } from '../not-found';
import { pythonTypeName } from '../python-type-name';
import type { RapiRow } from '../rapi-row';
import type { RapiServices } from '../rapi-services';
import { submitOpcode } from '../submit-job';
import { rapiPath } from '../rapi-path';

const nodePath = (suffix: string): RegExp => rapiPath(`/2/nodes/:name${suffix}`);

async function clusterAndSnapshot(services: RapiServices) {
  const snapshot = await services.config.snapshot();
  const cluster = snapshot.list('cluster')[0];
  if (!cluster) throw new Error('The cluster is not initialised');
  return { snapshot, cluster };
}

/** The bulk rows of the given nodes: the field table's NODE_BULK_FIELDS, each node asked once, in parallel. */
async function nodeBulkRows(services: RapiServices, snapshot: ConfigSnapshot, nodes: readonly Node[]): Promise<Record<string, unknown>[]> {
  const observations = await observeNodes(services.runner, snapshot.list('cluster')[0]!, nodes, { figures: true });
  return nodeRows(snapshot, observations, nodes).map((row) => nodeFields.project(row, NODE_BULK_FIELDS));
}

/** `GET /2/nodes`: ids and URIs, or with `bulk` every node's fields. */
async function listNodes(req: RouteRequest, services: RapiServices): Promise<unknown> {
  const { snapshot } = await clusterAndSnapshot(services);
  const nodes = snapshot.list('node');
  if (!req.query.flag('bulk')) return nodes.map((n) => ({ id: n.name, uri: `/2/nodes/${n.name}` }));
  return nodeBulkRows(services, snapshot, nodes);
}

/** `GET /2/nodes/[n]`: the bulk fields plus `secondary_ip` (rlib2 adds it to a single node). */
async function getNode(req: RouteRequest, services: RapiServices): Promise<unknown> {
  const { snapshot } = await clusterAndSnapshot(services);
  const node = snapshot.findByName('node', req.params.name ?? '');
  if (!node) throw notFound();
  const [row] = await nodeBulkRows(services, snapshot, [node]);
  return { ...row, secondary_ip: node.secondary_ip };
}

/** rlib2's role words -> OP_NODE_SET_PARAMS flags (master_candidate, offline, drained). */
const ROLE_FLAGS: Record<string, [boolean | null, boolean | null, boolean | null]> = {
  regular: [false, false, false],
  'master-candidate': [true, null, null],
  drained: [null, null, true],
  offline: [null, true, null],
};

/** The node resources of Ganeti 3.0 (`/2/nodes...`), tags excepted (tags-resources). */
export const nodesRows: readonly RapiRow[] = [
  { path: '/2/nodes', resource: 'nodes', GET: { handle: listNodes } },
  { path: nodePath(''), resource: 'nodes_name', GET: { handle: getNode } },
  {
    path: nodePath('/role'),
    resource: 'nodes_name_role',
    GET: {
      handle: async (req, services) => {
        const { snapshot, cluster } = await clusterAndSnapshot(services);
        const node = snapshot.findByName('node', req.params.name ?? '');
        if (!node) throw notFound();
        return nodeRoleWord(nodeRoleLetter(node, cluster.master));
      },
    },
    PUT: {
      handle: (req, services) => {
        const role = req.body;
        if (typeof role !== 'string') throw new HttpError(400, `Body contents: Type is '${pythonTypeName(role)}', but 'str' is expected`);
        const flags = Object.prototype.hasOwnProperty.call(ROLE_FLAGS, role) ? ROLE_FLAGS[role] : undefined;
        if (!flags) throw new HttpError(400, `Can't set '${role}' role`);
        const [master_candidate, offline, drained] = flags;
        return submitOpcode(services, req, 'nodes_name_role', 'OP_NODE_SET_PARAMS', {
          node_name: req.params.name,
          master_candidate,
          offline,
          drained,
          force: req.query.flag('force'),
          auto_promote: req.query.flag('auto-promote'),
        });
      },
    },
  },
  {
    path: nodePath('/evacuate'),
    resource: 'nodes_name_evacuate',
    POST: {
      handle: (req, services) =>
        submitOpcode(services, req, 'nodes_name_evacuate', 'OP_NODE_EVACUATE', fillOpcodeFields(req, { static: { node_name: req.params.name, dry_run: req.query.flag('dry-run') } })),
    },
  },
  {
    path: nodePath('/migrate'),
    resource: 'nodes_name_migrate',
    POST: {
      handle: (req, services) => {
        let fields: Record<string, unknown>;
        if (req.query.keys().length > 0) {
          // Ganeti 3.0: any query argument selects the legacy form and the body is ignored.
          if (req.query.has('live') && req.query.has('mode')) throw new HttpError(400, "Only one of 'live' and 'mode' should be passed");
          const mode = req.query.has('live') ? (req.query.flag('live', true) ? 'live' : 'non-live') : (req.query.get('mode') ?? null);
          fields = { mode, node_name: req.params.name };
        } else {
          fields = fillOpcodeFields(req, { static: { node_name: req.params.name } });
        }
        return submitOpcode(services, req, 'nodes_name_migrate', 'OP_NODE_MIGRATE', fields);
      },
    },
  },
  {
    path: nodePath('/modify'),
    resource: 'nodes_name_modify',
    POST: {
      handle: (req, services) => submitOpcode(services, req, 'nodes_name_modify', 'OP_NODE_SET_PARAMS', fillOpcodeFields(req, { static: { node_name: req.params.name } })),
    },
  },
  {
    path: nodePath('/powercycle'),
    resource: 'nodes_name_powercycle',
    POST: {
      handle: (req, services) => submitOpcode(services, req, 'nodes_name_powercycle', 'OP_NODE_POWERCYCLE', { node_name: req.params.name, force: req.query.flag('force') }),
    },
  },
  {
    path: nodePath('/storage'),
    resource: 'nodes_name_storage',
    GET: {
      access: ['write'],
      handle: (req, services) => {
        const outputFields = req.query.get('output_fields');
        if (!outputFields) throw new HttpError(400, "Missing the required 'output_fields' parameter");
        return submitOpcode(services, req, 'nodes_name_storage', 'OP_NODE_QUERY_STORAGE', {
          nodes: [req.params.name],
          storage_type: req.query.get('storage_type') ?? null,
          output_fields: outputFields.split(','),
        });
      },
    },
  },
  {
    path: nodePath('/storage/modify'),
    resource: 'nodes_name_storage_modify',
    PUT: {
      handle: (req, services) => {
        const name = req.query.get('name');
        if (!name) throw new HttpError(400, "Missing the required 'name' parameter");
        const changes: Record<string, unknown> = {};
        if (req.query.has('allocatable')) changes.allocatable = req.query.flag('allocatable', true);
        return submitOpcode(services, req, 'nodes_name_storage_modify', 'OP_NODE_MODIFY_STORAGE', {
          node_name: req.params.name,
          storage_type: req.query.get('storage_type') ?? null,
          name,
          changes,
        });
      },
    },
  },
  {
    path: nodePath('/storage/repair'),
    resource: 'nodes_name_storage_repair',
    PUT: {
      handle: (req, services) => {
        const name = req.query.get('name');
        if (!name) throw new HttpError(400, "Missing the required 'name' parameter");
        return submitOpcode(services, req, 'nodes_name_storage_repair', 'OP_REPAIR_NODE_STORAGE', {
          node_name: req.params.name,
          storage_type: req.query.get('storage_type') ?? null,
          name,
        });
      },
    },
  },
];

/**
 * Corral's cluster administration beyond Ganeti's RAPI (`gnt-node add` and
 * `gnt-node remove`), at a path no Ganeti client uses. Write access; each
 * returns a job id.
 */
export const corralNodesRows: readonly RapiRow[] = [
  {
    path: '/corral/nodes',
    resource: 'corral_nodes',
    POST: {
      handle: (req, services) => {
        const fields = fillOpcodeFields(req, { rename: { name: 'node_name' }, static: { dry_run: req.query.flag('dry-run') } });
        return submitOpcode(services, req, 'corral_nodes', 'OP_NODE_ADD', fields);
      },
    },
  },
  {
    path: rapiPath('/corral/nodes/:name'),
    resource: 'corral_nodes_name',
    DELETE: {
      handle: (req, services) => submitOpcode(services, req, 'corral_nodes_name', 'OP_NODE_REMOVE', { node_name: req.params.name, dry_run: req.query.flag('dry-run') }),
    },
  },
];
