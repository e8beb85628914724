import { effectiveBeparams, effectiveHvparams, effectiveNicparams, effectiveOsparams, type Instance, type ParamDict } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import { findInstance } from './find-instance';
import { diskPath } from './instance-hypervisor-spec';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import { observeNodes } from './observe-nodes';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { withoutHvGlobals } from './without-hv-globals';

function sorted(params: ParamDict): ParamDict {
  return Object.fromEntries(Object.keys(params).sort().map((k) => [k, params[k]]));
}

/** One disk as Ganeti's query-data shows it; never its params (they may hold secrets). */
function diskData(snapshot: ConfigSnapshot, instance: Instance, index: number, live: boolean): Record<string, unknown> {
  const disk = instance.disks[index]!;
  const node = snapshot.get('node', instance.primary_node);
  return {
    iv_name: `disk/${index}`,
    dev_type: disk.dev_type,
    logical_id: disk.dev_type === 'plain' ? disk.logical_id : [disk.logical_id[0] ?? null, disk.logical_id[1] ?? null],
    drbd_info: null,
    // Ganeti's block device status: [dev_path, major, minor, sync_percent, estimated_time, is_degraded, ldisk_status].
    pstatus: live && node && disk.logical_id.length > 0 ? [diskPath(disk), null, null, null, null, false, 1] : null,
    sstatus: null,
    children: [],
    mode: disk.mode,
    size: disk.size,
    spindles: disk.spindles,
    name: disk.name,
    uuid: disk.uuid,
  };
}

/**
 * OP_INSTANCE_QUERY_DATA (`GET /2/instances/[i]/info`): static and runtime
 * data keyed by instance name, as Ganeti 3.0 returns it. Private OS
 * parameters and disk parameters never appear (case J5).
 */
export function instanceQueryDataOpcode(deps: InstanceOpcodeDeps): OpcodeDefinition {
  return {
    id: 'OP_INSTANCE_QUERY_DATA',
    touchesNodes: false,
    params: [
      { name: 'use_locking', check: ht.bool, default: false },
      { name: 'instances', check: ht.listOf(ht.nonEmptyString), default: () => [] },
      { name: 'static', check: ht.bool, default: false },
    ],
    locks: () => [],
    checkPrereq(op, ctx) {
      for (const name of op.instances as string[]) findInstance(ctx.snapshot, name);
    },
    async exec(op, ctx) {
      const snapshot = ctx.snapshot;
      const cluster = snapshot.list('cluster')[0]!;
      const names = op.instances as string[];
      const instances = names.length === 0 ? snapshot.list('instance') : names.map((n) => findInstance(snapshot, n));
      const live = op.static !== true;
      const nodes = [...new Set(instances.map((i) => i.primary_node))].flatMap((u) => snapshot.get('node', u) ?? []);
      const observations = live ? await observeNodes(deps.runner, cluster, nodes, { instances: true }) : new Map();
      const result: Record<string, unknown> = {};
      for (const instance of instances) {
        const nodeName = (uuid: string): string => snapshot.get('node', uuid)?.name ?? uuid;
        const groupOf = (uuid: string): { uuid: string | null; name: string | null } => {
          const group = snapshot.get('nodegroup', snapshot.get('node', uuid)?.group ?? '');
          return { uuid: group?.uuid ?? null, name: group?.name ?? null };
        };
        const seen = observations.get(instance.primary_node);
        const runState = !live ? null : seen?.answered ? (seen.instances.has(instance.name) ? 'up' : 'down') : null;
        const primaryGroup = groupOf(instance.primary_node);
        result[instance.name] = {
          name: instance.name,
          config_state: instance.admin_state,
          run_state: runState,
          pnode: nodeName(instance.primary_node),
          pnode_group_uuid: primaryGroup.uuid,
          pnode_group_name: primaryGroup.name,
          snodes: instance.secondary_nodes.map(nodeName),
          snodes_group_uuids: instance.secondary_nodes.map((u) => groupOf(u).uuid),
          snodes_group_names: instance.secondary_nodes.map((u) => groupOf(u).name),
          os: instance.os,
          nics: instance.nics.map((nic) => {
            const p = effectiveNicparams(cluster, nic);
            const network = nic.network === null ? null : (snapshot.get('network', nic.network) ?? null);
            return [nic.name, nic.uuid, nic.ip, nic.mac, p.mode, p.link, p.vlan ?? '', network?.name ?? null, network ? { name: network.name, network: network.network, gateway: network.gateway } : null];
          }),
          disk_template: instance.disk_template,
          disks: instance.disks.map((_, i) => diskData(snapshot, instance, i, live)),
          hypervisor: instance.hypervisor,
          network_port: instance.network_port,
          hv_instance: instance.hvparams,
          hv_actual: sorted(withoutHvGlobals(effectiveHvparams(cluster, instance))),
          be_instance: instance.beparams,
          be_actual: sorted(effectiveBeparams(cluster, instance)),
          os_instance: instance.osparams,
          os_actual: sorted(effectiveOsparams(cluster, instance)),
          serial_no: instance.serial_no,
          mtime: instance.mtime,
          ctime: instance.ctime,
          uuid: instance.uuid,
        };
      }
      return { result };
    },
  };
}
