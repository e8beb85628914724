import type { RouteRequest } from '@corral/http';
import { fillOpcodeFields } from '../fill-opcode-fields';
import { groupFields, groupRows, GROUP_BULK_FIELDS } from '../query/group-fields';
import { notFound } from '../not-found';
import type { RapiRow } from '../rapi-row';
import type { RapiServices } from '../rapi-services';
import { submitOpcode } from '../submit-job';
import { rapiPath } from '../rapi-path';

const groupPath = (suffix: string): RegExp => rapiPath(`/2/groups/:name${suffix}`);

async function listGroups(req: RouteRequest, services: RapiServices): Promise<unknown> {
  const snapshot = await services.config.snapshot();
  const groups = snapshot.list('nodegroup');
  if (!req.query.flag('bulk')) return groups.map((g) => ({ name: g.name, uri: `/2/groups/${g.name}` }));
  return groupRows(snapshot, groups).map((row) => groupFields.project(row, GROUP_BULK_FIELDS));
}

async function getGroup(req: RouteRequest, services: RapiServices): Promise<unknown> {
  const snapshot = await services.config.snapshot();
  const group = snapshot.findByName('nodegroup', req.params.name ?? '');
  if (!group) throw notFound();
  return groupFields.project(groupRows(snapshot, [group])[0]!, GROUP_BULK_FIELDS);
}

/** The node group resources of Ganeti 3.0 (`/2/groups...`), tags excepted (tags-resources). */
export const groupsRows: readonly RapiRow[] = [
  {
    path: '/2/groups',
    resource: 'groups',
    GET: { handle: listGroups },
    POST: {
      handle: (req, services) =>
        submitOpcode(services, req, 'groups', 'OP_GROUP_ADD', fillOpcodeFields(req, { rename: { name: 'group_name' }, static: { dry_run: req.query.flag('dry-run') } })),
    },
  },
  {
    path: groupPath(''),
    resource: 'groups_name',
    GET: { handle: getGroup },
    DELETE: {
      handle: (req, services) => submitOpcode(services, req, 'groups_name', 'OP_GROUP_REMOVE', { group_name: req.params.name, dry_run: req.query.flag('dry-run') }),
    },
  },
  {
    path: groupPath('/modify'),
    resource: 'groups_name_modify',
    PUT: {
      handle: (req, services) =>
        submitOpcode(
          services,
          req,
          'groups_name_modify',
          'OP_GROUP_SET_PARAMS',
          fillOpcodeFields(req, {
            rename: { custom_ndparams: 'ndparams', custom_ipolicy: 'ipolicy', custom_diskparams: 'diskparams' },
            static: { group_name: req.params.name },
          }),
        ),
    },
  },
  {
    path: groupPath('/rename'),
    resource: 'groups_name_rename',
    PUT: {
      handle: (req, services) =>
        submitOpcode(services, req, 'groups_name_rename', 'OP_GROUP_RENAME', fillOpcodeFields(req, { static: { group_name: req.params.name, dry_run: req.query.flag('dry-run') } })),
    },
  },
  {
    path: groupPath('/assign-nodes'),
    resource: 'groups_name_assign_nodes',
    PUT: {
      handle: (req, services) =>
        submitOpcode(
          services,
          req,
          'groups_name_assign_nodes',
          'OP_GROUP_ASSIGN_NODES',
          fillOpcodeFields(req, { static: { group_name: req.params.name, dry_run: req.query.flag('dry-run'), force: req.query.flag('force') } }),
        ),
    },
  },
];
