import type { FieldTable } from '@corral/query';
import type { RapiServices } from '../rapi-services';
import { observeNodes } from '@corral/opcodes';
import { groupFields, groupRows } from './group-fields';
import { instanceFields, INSTANCE_LIVE_FIELDS } from './instance-fields';
import { InstanceListing, InstanceRow } from './instance-row';
import { networkFields, networkRows } from './network-fields';
import { nodeFields, nodeRows, NODE_LIVE_FIELDS } from './node-fields';
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
    const { snapshot, cluster, nodes, instances } = await configRows(services);
    const live = fields.some((f) => INSTANCE_LIVE_FIELDS.has(f)) ? await observeNodes(services.runner, cluster, nodes, { instances: true }) : undefined;
    const listing = new InstanceListing(snapshot, live);
    return instances.map((instance) => new InstanceRow(instance, listing));
  }),
  node: source(nodeFields, async (services, fields) => {
    const { snapshot, cluster, nodes } = await configRows(services);
    const live = fields.some((f) => NODE_LIVE_FIELDS.has(f)) ? await observeNodes(services.runner, cluster, nodes, { figures: true }) : undefined;
    return nodeRows(snapshot, live, nodes);
  }),
  group: source(groupFields, async (services) => groupRows(await services.config.snapshot())),
  network: source(networkFields, async (services) => networkRows(await services.config.snapshot())),
  job: source(jobFields, async (services, fields) => {
    const rows = [];
    for (const id of services.jobs.list()) {
      const values = await services.jobs.readFields(id, fields);
      if (values) rows.push({ id, field: (name: string) => values[fields.indexOf(name)] });
    }
    return rows;
  }),
  filter: source(filterFields, async (services) => (await services.config.snapshot()).list('filter')),
  export: source(exportFields, async (services) => (await services.config.snapshot()).list('node').map((node) => ({ node, export: null }))),
  lock: source(lockFields, async (services) => services.jobs.lockStatus()),
};
