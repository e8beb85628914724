import { AddressPool, type Instance, type Network, type NodeGroup } from '@corral/model';
import { FieldTable } from '@corral/query';
import type { ConfigSnapshot } from '@corral/store';

/** One network as the query sees it: the object and the configuration around it. */
export interface NetworkRow {
  readonly network: Network;
  readonly pool: AddressPool;
  readonly groups: readonly NodeGroup[];
  readonly instances: readonly Instance[];
}

/** The rows of every network of a snapshot, sorted by name. */
export function networkRows(snapshot: ConfigSnapshot): NetworkRow[] {
  const groups = snapshot.list('nodegroup');
  const instances = snapshot.list('instance');
  return snapshot.list('network').map((network) => ({
    network,
    pool: new AddressPool(network),
    groups: groups.filter((g) => network.uuid in (g.networks ?? {})),
    instances: instances.filter((i) => i.nics.some((n) => n.network === network.uuid)),
  }));
}

/** Ganeti 3.0's network fields (query resource `network`). */
export const networkFields: FieldTable<NetworkRow> = FieldTable.fromGetters<NetworkRow>('network', {
  name: (r) => r.network.name,
  network: (r) => r.network.network,
  gateway: (r) => r.network.gateway,
  network6: (r) => r.network.network6,
  gateway6: (r) => r.network.gateway6,
  mac_prefix: (r) => r.network.mac_prefix,
  free_count: (r) => r.pool.freeCount,
  reserved_count: (r) => r.pool.reservedCount,
  map: (r) => r.pool.map,
  group_cnt: (r) => r.groups.length,
  group_list: (r) =>
    r.groups.map((g) => {
      const p = g.networks[r.network.uuid] ?? {};
      return [g.name, p.mode ?? null, p.link ?? null, p.vlan ?? ''];
    }),
  inst_cnt: (r) => r.instances.length,
  inst_list: (r) => r.instances.map((i) => i.name),
  external_reservations: (r) => r.pool.externalAddresses().join(', '),
  ctime: (r) => r.network.ctime,
  mtime: (r) => r.network.mtime,
  uuid: (r) => r.network.uuid,
  serial_no: (r) => r.network.serial_no,
  tags: (r) => [...r.network.tags],
});

/** The fields of `/2/networks?bulk=1` and `/2/networks/[n]`, in Ganeti 3.0's order. */
export const NETWORK_BULK_FIELDS: readonly string[] = [
  'name', 'network', 'gateway', 'network6', 'gateway6', 'mac_prefix', 'free_count', 'reserved_count', 'map',
  'group_list', 'inst_list', 'external_reservations', 'ctime', 'mtime', 'uuid', 'serial_no', 'tags',
];
