import type { FieldTable } from '@corral/query';
import type { RapiServices } from '../rapi-services';
import { gatherLiveNodeData } from './live-node-data';
import { groupFields } from './group-fields';
import { instanceFields, INSTANCE_LIVE_FIELDS } from './instance-fields';
import { networkFields, networkRows } from './network-fields';
import { nodeFields, NODE_LIVE_FIELDS } from './node-fields';
import { exportFields } from './export-fields';
import { filterFields } from './filter-fields';
import { jobFields } from './job-fields';
import { lockFields } from './lock-fields';

/** A query resource: its field table and how to list its items for the fields (and filter) asked. */
export interface QuerySource {
  readonly table: FieldTable<never>;
  items(services: RapiServices, fields: readonly string[]): Promise<unknown[]>;
}

function source<T>(table: FieldTable<T>, items: (services: RapiServices, fields: readonly string[]) => Promise<T[]>): QuerySource {
  return { table: table as unknown as FieldTable<never>, items };
}

async function configRows(services: RapiServices) {
  const snapshot = await services.config.snapshot();
  const cluster = snapshot.list('cluster')[0]!;
  return { snapshot, cluster, nodes: snapshot.list('node'), groups: snapshot.list('nodegroup'), instances: snapshot.list('instance') };
}

/** The query resources of Ganeti 3.0 (`/2/query/[resource]`), by name. */
export const querySources: Readonly<Record<string, QuerySource>> = {
  instance: source(instanceFields, async (services, fields) => {
    const { snapshot, cluster, nodes, groups, instances } = await configRows(services);
    const live = fields.some((f) => INSTANCE_LIVE_FIELDS.has(f)) ? await gatherLiveNodeData(services.runner, cluster, nodes) : undefined;
    const ctx = {
      cluster,
      nodes: new Map(nodes.map((n) => [n.uuid, n])),
      groups: new Map(groups.map((g) => [g.uuid, g])),
      networks: new Map(snapshot.list('network').map((n) => [n.uuid, n])),
      live,
    };
    return instances.map((instance) => ({ instance, ...ctx }));
  }),
  node: source(nodeFields, async (services, fields) => {
    const { cluster, nodes, groups, instances } = await configRows(services);
    const live = fields.some((f) => NODE_LIVE_FIELDS.has(f)) ? await gatherLiveNodeData(services.runner, cluster, nodes) : undefined;
    return nodes.map((node) => ({
      node,
      cluster,
      group: groups.find((g) => g.uuid === node.group),
      primaries: instances.filter((i) => i.primary_node === node.uuid),
      secondaries: instances.filter((i) => i.secondary_nodes.includes(node.uuid)),
      live: live?.get(node.uuid),
    }));
  }),
  group: source(groupFields, async (services) => {
    const { cluster, nodes, groups, instances } = await configRows(services);
    return groups.map((group) => {
      const members = nodes.filter((n) => n.group === group.uuid);
      const uuids = new Set(members.map((n) => n.uuid));
      return { group, cluster, nodes: members, primaries: instances.filter((i) => uuids.has(i.primary_node)) };
    });
  }),
  network: source(networkFields, async (services) => networkRows(await services.config.snapshot())),
  job: source(jobFields, async (services) =>
    services.jobs.list().map((id) => ({ id, field: (name: string) => services.jobs.fields(id, [name])![0] })),
  ),
  filter: source(filterFields, async (services) => (await services.config.snapshot()).list('filter')),
  export: source(exportFields, async (services) => (await services.config.snapshot()).list('node').map((node) => ({ node, export: null }))),
  lock: source(lockFields, async (services) => services.jobs.lockStatus()),
};
