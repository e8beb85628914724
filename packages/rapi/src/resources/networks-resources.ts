import type { RouteRequest } from '@corral/http';
import { networkFields, networkRows, NETWORK_BULK_FIELDS, type NetworkRow } from '../query/network-fields';
import { notFound } from '../not-found';
import { opcodeBody } from '../opcode-body';
import type { RapiRow } from '../rapi-row';
import type { RapiServices } from '../rapi-services';
import { submitJob } from '../submit-job';
import { rapiPath } from '../rapi-path';

const NAMED = rapiPath('/2/networks/:name');

async function networkRow(services: RapiServices, name: string): Promise<NetworkRow> {
  const row = networkRows(await services.config.snapshot()).find((r) => r.network.name === name);
  if (!row) throw notFound();
  return row;
}

/** A row whose PUT submits one network opcode built from the body plus the network's name and `dry-run`. */
function networkAction(action: string, opId: string, withDryRun = true): RapiRow {
  return {
    path: rapiPath(`/2/networks/:name/${action}`),
    resource: `networks_name_${action}`,
    PUT: {
      handle: (req, services) => {
        const statics: Record<string, unknown> = { network_name: req.params.name };
        if (withDryRun) statics.dry_run = req.query.flag('dry-run');
        return submitJob(services, req, `networks_name_${action}`, [{ opId, fields: opcodeBody(req, statics) }]);
      },
    },
  };
}

function dryRun(req: RouteRequest): Record<string, unknown> {
  return { dry_run: req.query.flag('dry-run') };
}

/** `/2/networks` (Ganeti 3.0): list, bulk, create, get, delete, connect, disconnect, modify. */
export const networksRows: readonly RapiRow[] = [
  {
    path: '/2/networks',
    resource: 'networks',
    GET: {
      handle: async (req, services) => {
        const rows = networkRows(await services.config.snapshot());
        if (req.query.flag('bulk')) return rows.map((r) => networkFields.project(r, NETWORK_BULK_FIELDS));
        return rows.map((r) => ({ name: r.network.name, uri: `/2/networks/${r.network.name}` }));
      },
    },
    POST: {
      handle: (req, services) =>
        submitJob(services, req, 'networks', [{ opId: 'OP_NETWORK_ADD', fields: opcodeBody(req, dryRun(req), { name: 'network_name' }) }]),
    },
  },
  {
    path: NAMED,
    resource: 'networks_name',
    GET: { handle: async (req, services) => networkFields.project(await networkRow(services, req.params.name ?? ''), NETWORK_BULK_FIELDS) },
    DELETE: {
      handle: (req, services) => {
        const body = opcodeBody(req, { network_name: req.params.name, ...dryRun(req) });
        return submitJob(services, req, 'networks_name', [{ opId: 'OP_NETWORK_REMOVE', fields: body }]);
      },
    },
  },
  networkAction('connect', 'OP_NETWORK_CONNECT'),
  networkAction('disconnect', 'OP_NETWORK_DISCONNECT'),
  networkAction('modify', 'OP_NETWORK_SET_PARAMS'),
];
