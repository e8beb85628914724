import { effectiveBeparams, effectiveHvparams, effectiveNicparams, instanceStatus, type Cluster, type Instance, type InstanceStatus, type ParamDict } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import type { NodeObservations } from './observe-nodes';
import { withoutHvGlobals } from './without-hv-globals';

/** Ganeti 3.0's instance bulk fields, in its key order (ganeti-facts §2.2). */
export const INSTANCE_BULK_FIELDS: readonly string[] = [
  'name', 'admin_state', 'os', 'pnode', 'snodes', 'disk_template', 'nic.ips', 'nic.macs', 'nic.modes', 'nic.uuids', 'nic.names',
  'nic.links', 'nic.networks', 'nic.networks.names', 'nic.bridges', 'network_port', 'disk.sizes', 'disk.spindles', 'disk_usage',
  'disk.uuids', 'disk.names', 'beparams', 'hvparams', 'oper_state', 'oper_ram', 'oper_vcpus', 'status', 'custom_hvparams',
  'custom_beparams', 'custom_nicparams', 'ctime', 'mtime', 'uuid', 'serial_no', 'tags',
];

/** Ganeti's ComputeDiskSize: no space for diskless and blockdev, DRBD metadata (128 MiB a disk) on top. */
function diskUsage(instance: Instance): number {
  if (instance.disk_template === 'diskless' || instance.disk_template === 'blockdev') return 0;
  const meta = instance.disk_template === 'drbd' ? 128 : 0;
  return instance.disks.reduce((sum, d) => sum + d.size + meta, 0);
}

/** The live part of a row: running state and status from the observations. */
export interface InstanceLiveState {
  readonly oper_state: boolean | null;
  readonly oper_ram: number | null;
  readonly oper_vcpus: number | null;
  readonly status: InstanceStatus;
}

/** The live state of one instance from the per-node observations (node problems first, as Ganeti). */
export function instanceLiveState(
  snapshot: ConfigSnapshot,
  instance: Instance,
  observations: NodeObservations,
  runningOn: (name: string) => readonly string[] = (name) => [...observations].filter(([, o]) => o.instances.has(name)).map(([uuid]) => uuid),
): InstanceLiveState {
  const primary = snapshot.get('node', instance.primary_node);
  const seen = observations.get(instance.primary_node);
  if (!primary || primary.offline || !seen?.answered) {
    const status = instanceStatus(instance, { primaryOffline: primary?.offline ?? false, primaryDown: !primary?.offline, running: false });
    return { oper_state: null, oper_ram: null, oper_vcpus: null, status };
  }
  const info = seen.instances.get(instance.name);
  if (info) return { oper_state: true, oper_ram: info.memory, oper_vcpus: info.vcpus, status: instanceStatus(instance, { primaryOffline: false, primaryDown: false, running: true }) };
  const elsewhere = runningOn(instance.name).some((uuid) => uuid !== instance.primary_node);
  return {
    oper_state: false,
    oper_ram: null,
    oper_vcpus: null,
    status: instanceStatus(instance, { primaryOffline: false, primaryDown: false, running: elsewhere, onWrongNode: elsewhere }),
  };
}

/** Shared by every row with an empty list (rows are only read, never changed). */
const EMPTY_LIST: readonly never[] = Object.freeze([]);

function isEmpty(params: ParamDict): boolean {
  for (const _ in params) return false;
  return true;
}

/** Per-listing caches: the cluster, node names and the effective parameters of objects without own values. */
class RowContext {
  readonly cluster: Cluster;
  private readonly nodeNames = new Map<string, string>();
  private readonly filled = new Map<string, ParamDict>();

  private readonly running = new Map<string, string[]>();

  constructor(
    readonly snapshot: ConfigSnapshot,
    observations: NodeObservations,
  ) {
    this.cluster = snapshot.list('cluster')[0]!;
    for (const [uuid, seen] of observations) {
      for (const name of seen.instances.keys()) {
        const nodes = this.running.get(name);
        if (nodes) nodes.push(uuid);
        else this.running.set(name, [uuid]);
      }
    }
  }

  /** Node uuids whose hypervisor reports the instance running. */
  runningOn(name: string): readonly string[] {
    return this.running.get(name) ?? [];
  }

  nodeName(uuid: string): string {
    let name = this.nodeNames.get(uuid);
    if (name === undefined) {
      name = this.snapshot.get('node', uuid)?.name ?? uuid;
      this.nodeNames.set(uuid, name);
    }
    return name;
  }

  /** `compute()` once per key when the object has no own values, else every time. */
  memo(own: ParamDict, key: string, compute: () => ParamDict): ParamDict {
    if (!isEmpty(own)) return compute();
    let value = this.filled.get(key);
    if (value === undefined) {
      value = compute();
      this.filled.set(key, value);
    }
    return value;
  }
}

function row(ctx: RowContext, instance: Instance, observations: NodeObservations): Record<string, unknown> {
  const { cluster, snapshot } = ctx;
  const nicParams = instance.nics.map((n) => ctx.memo(n.nicparams, 'nic', () => effectiveNicparams(cluster, n)));
  const beparams = ctx.memo(instance.beparams, 'be', () => {
    const filled = effectiveBeparams(cluster, instance);
    return { ...filled, memory: filled.maxmem };
  });
  const disks = instance.disks;
  const noDisks = disks.length === 0;
  const hvparams = ctx.memo(instance.hvparams, `hv\0${instance.hypervisor}\0${instance.os}`, () => withoutHvGlobals(effectiveHvparams(cluster, instance)));
  const live = instanceLiveState(snapshot, instance, observations, (name) => ctx.runningOn(name));
  return {
    name: instance.name,
    admin_state: instance.admin_state,
    os: instance.os,
    pnode: ctx.nodeName(instance.primary_node),
    snodes: instance.secondary_nodes.length === 0 ? EMPTY_LIST : instance.secondary_nodes.map((u) => ctx.nodeName(u)),
    disk_template: instance.disk_template,
    'nic.ips': instance.nics.map((n) => n.ip),
    'nic.macs': instance.nics.map((n) => n.mac),
    'nic.modes': nicParams.map((p) => p.mode),
    'nic.uuids': instance.nics.map((n) => n.uuid),
    'nic.names': instance.nics.map((n) => n.name),
    'nic.links': nicParams.map((p) => p.link),
    'nic.networks': instance.nics.map((n) => n.network),
    'nic.networks.names': instance.nics.map((n) => (n.network === null ? null : (snapshot.get('network', n.network)?.name ?? null))),
    'nic.bridges': nicParams.map((p) => (p.mode === 'bridged' ? p.link : null)),
    network_port: instance.network_port,
    'disk.sizes': noDisks ? EMPTY_LIST : disks.map((d) => d.size),
    'disk.spindles': noDisks ? EMPTY_LIST : disks.map((d) => d.spindles),
    disk_usage: diskUsage(instance),
    'disk.uuids': noDisks ? EMPTY_LIST : disks.map((d) => d.uuid),
    'disk.names': noDisks ? EMPTY_LIST : disks.map((d) => d.name),
    beparams,
    hvparams,
    oper_state: live.oper_state,
    oper_ram: live.oper_ram,
    oper_vcpus: live.oper_vcpus,
    status: live.status,
    custom_hvparams: instance.hvparams,
    custom_beparams: instance.beparams,
    custom_nicparams: instance.nics.map((n) => n.nicparams),
    ctime: instance.ctime,
    mtime: instance.mtime,
    uuid: instance.uuid,
    serial_no: instance.serial_no,
    tags: instance.tags,
  };
}

/**
 * One bulk row (`GET /2/instances/[name]`): a pure projection of the
 * configuration and the nodes' observations.
 */
export function instanceBulkRow(snapshot: ConfigSnapshot, instance: Instance, observations: NodeObservations): Record<string, unknown> {
  return row(new RowContext(snapshot, observations), instance, observations);
}

/** Every instance's bulk row (`GET /2/instances?bulk=1`), sorted by name; pure, so benchmarks call it directly. */
export function instanceBulkRows(snapshot: ConfigSnapshot, observations: NodeObservations): Record<string, unknown>[] {
  const ctx = new RowContext(snapshot, observations);
  return snapshot.list('instance').map((i) => row(ctx, i, observations));
}
