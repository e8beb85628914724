import { effectiveBeparams, effectiveHvparams, effectiveNicparams, instanceStatus, type Instance, type InstanceStatus, type ParamDict } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import type { NodeObservations } from './observe-nodes';

/** Ganeti 3.0's instance bulk fields, in its key order (ganeti-facts §2.2). */
export const INSTANCE_BULK_FIELDS: readonly string[] = [
  'name', 'admin_state', 'os', 'pnode', 'snodes', 'disk_template', 'nic.ips', 'nic.macs', 'nic.modes', 'nic.uuids', 'nic.names',
  'nic.links', 'nic.networks', 'nic.networks.names', 'nic.bridges', 'network_port', 'disk.sizes', 'disk.spindles', 'disk_usage',
  'disk.uuids', 'disk.names', 'beparams', 'hvparams', 'oper_state', 'oper_ram', 'oper_vcpus', 'status', 'custom_hvparams',
  'custom_beparams', 'custom_nicparams', 'ctime', 'mtime', 'uuid', 'serial_no', 'tags',
];

/** Templates whose disks take no space on the nodes. */
const NO_USAGE = ['diskless', 'sharedfile', 'rbd', 'ext', 'gluster', 'blockdev'];

/** The live part of a row: running state and status from the observations. */
export interface InstanceLiveState {
  readonly oper_state: boolean | null;
  readonly oper_ram: number | null;
  readonly oper_vcpus: number | null;
  readonly status: InstanceStatus;
}

/** The live state of one instance from the per-node observations (node problems first, as Ganeti). */
export function instanceLiveState(snapshot: ConfigSnapshot, instance: Instance, observations: NodeObservations): InstanceLiveState {
  const primary = snapshot.get('node', instance.primary_node);
  const seen = observations.get(instance.primary_node);
  if (!primary || primary.offline || !seen?.answered) {
    const status = instanceStatus(instance, { primaryOffline: primary?.offline ?? false, primaryDown: !primary?.offline, running: false });
    return { oper_state: null, oper_ram: null, oper_vcpus: null, status };
  }
  const info = seen.instances.get(instance.name);
  if (info) return { oper_state: true, oper_ram: info.memory, oper_vcpus: info.vcpus, status: instanceStatus(instance, { primaryOffline: false, primaryDown: false, running: true }) };
  let elsewhere = false;
  for (const [uuid, other] of observations) if (uuid !== instance.primary_node && other.instances.has(instance.name)) elsewhere = true;
  return {
    oper_state: false,
    oper_ram: null,
    oper_vcpus: null,
    status: instanceStatus(instance, { primaryOffline: false, primaryDown: false, running: elsewhere, onWrongNode: elsewhere }),
  };
}

/**
 * One bulk row (`GET /2/instances?bulk=1` and `GET /2/instances/[name]`):
 * a pure projection of the configuration and the nodes' observations.
 */
export function instanceBulkRow(snapshot: ConfigSnapshot, instance: Instance, observations: NodeObservations): Record<string, unknown> {
  const cluster = snapshot.list('cluster')[0]!;
  const nodeName = (uuid: string): string => snapshot.get('node', uuid)?.name ?? uuid;
  const nicParams = instance.nics.map((n) => effectiveNicparams(cluster, n));
  const beparams: ParamDict = effectiveBeparams(cluster, instance);
  const live = instanceLiveState(snapshot, instance, observations);
  return {
    name: instance.name,
    admin_state: instance.admin_state,
    os: instance.os,
    pnode: nodeName(instance.primary_node),
    snodes: instance.secondary_nodes.map(nodeName),
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
    'disk.sizes': instance.disks.map((d) => d.size),
    'disk.spindles': instance.disks.map((d) => d.spindles),
    disk_usage: NO_USAGE.includes(instance.disk_template) ? 0 : instance.disks.reduce((sum, d) => sum + d.size, 0),
    'disk.uuids': instance.disks.map((d) => d.uuid),
    'disk.names': instance.disks.map((d) => d.name),
    beparams: { ...beparams, memory: beparams.maxmem },
    hvparams: effectiveHvparams(cluster, instance),
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

/** Every instance's bulk row, sorted by name. */
export function instanceBulkRows(snapshot: ConfigSnapshot, observations: NodeObservations): Record<string, unknown>[] {
  return snapshot.list('instance').map((i) => instanceBulkRow(snapshot, i, observations));
}
