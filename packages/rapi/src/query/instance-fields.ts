import { effectiveOsparams, type Instance, type Nic } from '@corral/model';
import { FieldStatus, FieldTable, ganetiFieldDefinitions, type FieldGetter } from '@corral/query';
import type { InstanceLiveState, InstanceRow } from './instance-row';

/** Fields that need the nodes asked. */
export const INSTANCE_LIVE_FIELDS: ReadonlySet<string> = new Set(['oper_state', 'oper_ram', 'oper_vcpus', 'status', 'console']);

/** A live value: offline primary -> RS_OFFLINE, unreachable -> RS_NODATA (null in listings). */
function live(pick: (o: InstanceLiveState) => unknown): FieldGetter<InstanceRow> {
  return (r) => {
    const o = r.live;
    if (o.primaryOffline) return FieldStatus.offline;
    if (o.primaryDown) return FieldStatus.noData;
    const value = pick(o);
    return value === undefined ? FieldStatus.unavailable : value;
  };
}

const nicParams = (r: InstanceRow, i: number): Record<string, unknown> => r.nicparams[i]!;

/** Ganeti's ComputeDiskSize: no space for diskless and blockdev, DRBD metadata (128 MiB a disk) on top. */
function diskUsage(i: Instance): number {
  if (i.disk_template === 'diskless' || i.disk_template === 'blockdev') return 0;
  const extra = i.disk_template === 'drbd' ? 128 : 0;
  return i.disks.reduce((sum, d) => sum + d.size + extra, 0);
}

/** Shared by every row with an empty list (rows are only read, never changed). */
const EMPTY_LIST: readonly never[] = Object.freeze([]);

const nodeName = (r: InstanceRow, uuid: string): string => r.listing.nodeName(uuid);
const groupOf = (r: InstanceRow, uuid: string) => r.listing.groupOf(uuid);

/** Per-NIC values, both as lists (`nic.ips`) and indexed (`nic.ip/0`). */
const NIC_VALUES: Record<string, [string, (r: InstanceRow, n: Nic, i: number) => unknown]> = {
  ip: ['ips', (_r, n) => n.ip],
  mac: ['macs', (_r, n) => n.mac],
  mode: ['modes', (r, _n, i) => nicParams(r, i).mode ?? null],
  link: ['links', (r, _n, i) => nicParams(r, i).link ?? null],
  vlan: ['vlans', (r, _n, i) => nicParams(r, i).vlan ?? ''],
  uuid: ['uuids', (_r, n) => n.uuid],
  name: ['names', (_r, n) => n.name],
  network: ['networks', (_r, n) => n.network],
  'network.name': ['networks.names', (r, n) => (n.network ? (r.listing.network(n.network)?.name ?? null) : null)],
  bridge: ['bridges', (r, _n, i) => (nicParams(r, i).mode === 'bridged' ? (nicParams(r, i).link ?? null) : null)],
};

const DISK_VALUES: Record<string, [string, (d: Instance['disks'][number]) => unknown]> = {
  size: ['sizes', (d) => d.size],
  spindles: ['spindles', (d) => d.spindles],
  uuid: ['uuids', (d) => d.uuid],
  name: ['names', (d) => d.name],
};

function indexedGetters(): Record<string, FieldGetter<InstanceRow>> {
  const out: Record<string, FieldGetter<InstanceRow>> = {};
  for (const [key, [plural, get]] of Object.entries(NIC_VALUES)) {
    out[`nic.${plural}`] = (r) => r.instance.nics.map((n, i) => get(r, n, i));
    for (let i = 0; i < 8; i++) out[`nic.${key}/${i}`] = (r) => (r.instance.nics[i] ? get(r, r.instance.nics[i]!, i) : FieldStatus.unavailable);
  }
  for (const [key, [plural, get]] of Object.entries(DISK_VALUES)) {
    out[`disk.${plural}`] = (r) => (r.instance.disks.length === 0 ? EMPTY_LIST : r.instance.disks.map(get));
    for (let i = 0; i < 16; i++) out[`disk.${key}/${i}`] = (r) => (r.instance.disks[i] ? get(r.instance.disks[i]!) : FieldStatus.unavailable);
  }
  const reference = Object.keys(ganetiFieldDefinitions.instance ?? {});
  for (const name of reference.filter((n) => n.startsWith('hv/'))) {
    const key = name.slice(3);
    out[name] = (r) => r.listing.hvparams(r.instance)[key] ?? FieldStatus.unavailable;
  }
  for (const name of reference.filter((n) => n.startsWith('be/'))) {
    const key = name.slice(3) === 'memory' ? 'maxmem' : name.slice(3);
    out[name] = (r) => r.listing.beparams(r.instance)[key] ?? FieldStatus.unavailable;
  }
  return out;
}

const firstNic = (get: (r: InstanceRow, n: Nic, i: number) => unknown): FieldGetter<InstanceRow> => (r) => (r.instance.nics[0] ? get(r, r.instance.nics[0], 0) : FieldStatus.unavailable);

/** Ganeti 3.0's instance fields (query resource `instance`), over the model and the nodes' live data. */
export const instanceFields: FieldTable<InstanceRow> = FieldTable.fromGetters<InstanceRow>('instance', {
  name: (r) => r.instance.name,
  admin_state: (r) => r.instance.admin_state,
  admin_state_source: (r) => r.instance.admin_state_source,
  admin_up: (r) => r.instance.admin_state === 'up',
  os: (r) => r.instance.os,
  pnode: (r) => nodeName(r, r.instance.primary_node),
  'pnode.group': (r) => groupOf(r, r.instance.primary_node)?.name ?? null,
  'pnode.group.uuid': (r) => groupOf(r, r.instance.primary_node)?.uuid ?? null,
  snodes: (r) => (r.instance.secondary_nodes.length === 0 ? EMPTY_LIST : r.instance.secondary_nodes.map((u) => nodeName(r, u))),
  'snodes.group': (r) => r.instance.secondary_nodes.map((u) => groupOf(r, u)?.name ?? null),
  'snodes.group.uuid': (r) => r.instance.secondary_nodes.map((u) => groupOf(r, u)?.uuid ?? null),
  hypervisor: (r) => r.instance.hypervisor,
  disk_template: (r) => r.instance.disk_template,
  'nic.count': (r) => r.instance.nics.length,
  ip: firstNic(NIC_VALUES.ip![1]),
  mac: firstNic(NIC_VALUES.mac![1]),
  nic_mode: firstNic(NIC_VALUES.mode![1]),
  nic_link: firstNic(NIC_VALUES.link![1]),
  nic_network: firstNic(NIC_VALUES.network![1]),
  bridge: firstNic(NIC_VALUES.bridge![1]),
  'disk.count': (r) => r.instance.disks.length,
  sda_size: (r) => r.instance.disks[0]?.size ?? FieldStatus.unavailable,
  sdb_size: (r) => r.instance.disks[1]?.size ?? FieldStatus.unavailable,
  /** Stored by the disk opcodes when they exist; until then, disks are active while the instance is up. */
  disks_active: (r) => (r.instance as Instance & { disks_active?: boolean }).disks_active ?? r.instance.admin_state === 'up',
  disk_usage: (r) => diskUsage(r.instance),
  ...indexedGetters(),
  network_port: (r) => r.instance.network_port,
  beparams: (r) => r.listing.beparams(r.instance),
  // Ganeti's FillHV(skip_globals=True): migration_mode and the other cluster-wide keys are left out.
  hvparams: (r) => r.listing.hvparamsWithoutGlobals(r.instance),
  osparams: (r) => effectiveOsparams(r.listing.cluster, r.instance),
  custom_beparams: (r) => r.instance.beparams,
  custom_hvparams: (r) => r.instance.hvparams,
  custom_osparams: (r) => r.instance.osparams,
  custom_nicparams: (r) => r.instance.nics.map((n) => n.nicparams),
  vcpus: (r) => r.listing.beparams(r.instance).vcpus ?? FieldStatus.unavailable,
  forthcoming: () => false,
  // Running on its primary (Ganeti's live_data); an instance found on another node is ERROR_wrongnode, not up.
  oper_state: live((o) => o.running && !o.onWrongNode),
  oper_ram: live((o) => o.memory),
  oper_vcpus: live((o) => o.vcpus),
  status: (r) => r.live.status,
  ctime: (r) => r.instance.ctime,
  mtime: (r) => r.instance.mtime,
  uuid: (r) => r.instance.uuid,
  serial_no: (r) => r.instance.serial_no,
  tags: (r) => r.instance.tags,
});

/** The fields of `/2/instances?bulk=1` and `/2/instances/[i]` (Ganeti 3.0's order); the RAPI adds `beparams.memory`. */
export const INSTANCE_BULK_FIELDS: readonly string[] = [
  'name', 'admin_state', 'os', 'pnode', 'snodes', 'disk_template', 'nic.ips', 'nic.macs', 'nic.modes', 'nic.uuids', 'nic.names',
  'nic.links', 'nic.networks', 'nic.networks.names', 'nic.bridges', 'network_port', 'disk.sizes', 'disk.spindles', 'disk_usage',
  'disk.uuids', 'disk.names', 'beparams', 'hvparams', 'oper_state', 'oper_ram', 'oper_vcpus', 'status', 'custom_hvparams',
  'custom_beparams', 'custom_nicparams', 'ctime', 'mtime', 'uuid', 'serial_no', 'tags',
];
