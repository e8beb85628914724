import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GanetiError, effectiveBeparams, effectiveHvparams, effectiveNicparams, effectiveOsparams, type Cluster, type Instance } from '@corral/model';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { InstanceNodeState } from './instance-node-state';
import { lookupInstance, lookupNode, primaryNodeOf } from './lookup-instance';
import { nodeRunnerOf } from './node-runner-of';
import { instanceLocks } from './instance-locks';
import { diskRequest, storageTypeOf } from './instance-disk-storage';
import { pluginCall } from './plugin-call';
import { EXPORT_CONF_FILE, EXPORT_VERSION, formatExportConfig, type ExportConfig } from './export-config';
import { nodeExportDir } from './read-export';
import { HV_GLOBAL_PARAMS } from './hv-param-checks';

/** Python's str() of a parameter value, as ConfigParser stores it. */
function py(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return String(value);
}

/** The dump file name of disk `i` inside the export directory. */
const dumpName = (i: number): string => `disk${i}.snap`;

/** Ganeti's FinalizeExport config.ini for the instance (filled be/hv/os parameters). */
function exportConfig(cluster: Cluster, instance: Instance): ExportConfig {
  const be = effectiveBeparams(cluster, instance);
  const ins: [string, string][] = [
    ['name', instance.name],
    ['maxmem', py(be.maxmem)],
    ['minmem', py(be.minmem)],
    ['memory', py(be.maxmem)],
    ['vcpus', py(be.vcpus)],
    ['disk_template', instance.disk_template],
    ['hypervisor', instance.hypervisor],
    ['tags', instance.tags.join(' ')],
  ];
  instance.nics.forEach((nic, i) => {
    const params = effectiveNicparams(cluster, nic);
    ins.push([`nic${i}_mac`, nic.mac], [`nic${i}_ip`, py(nic.ip)], [`nic${i}_network`, py(nic.network)], [`nic${i}_name`, py(nic.name)]);
    for (const key of ['link', 'mode', 'vlan']) ins.push([`nic${i}_${key}`, py(params[key])]);
  });
  ins.push(['nic_count', String(instance.nics.length)]);
  instance.disks.forEach((disk, i) => {
    ins.push([`disk${i}_ivname`, `disk/${i}`], [`disk${i}_dump`, dumpName(i)], [`disk${i}_size`, String(disk.size)], [`disk${i}_name`, py(disk.name)]);
  });
  ins.push(['disk_count', String(instance.disks.length)]);
  const entries = (params: Record<string, unknown>): [string, string][] =>
    Object.keys(params)
      .sort()
      .map((k) => [k, py(params[k])]);
  return [
    [
      'export',
      [
        ['version', String(EXPORT_VERSION)],
        ['timestamp', String(Math.floor(Date.now() / 1000))],
        ['source', instance.primary_node],
        ['os', instance.os],
        ['compression', 'none'],
      ],
    ],
    ['instance', ins],
    ['hypervisor', entries(Object.fromEntries(Object.entries(effectiveHvparams(cluster, instance)).filter(([k]) => !HV_GLOBAL_PARAMS.includes(k))))],
    ['backend', entries(be)],
    ['os', entries(effectiveOsparams(cluster, instance))],
    ['os_private', []],
  ];
}

/**
 * OP_BACKUP_EXPORT (local mode): writes `<target node_dir>/export/<instance>/`
 * with Ganeti's config.ini and one image per disk, shutting the instance
 * down for the copy (and starting it again) unless `shutdown` is false;
 * `remove_instance` removes it afterwards. Result `[true, [true, ...]]`.
 */
export const backupExportOpcode: OpcodeDefinition = {
  id: 'OP_BACKUP_EXPORT',
  touchesNodes: true,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'compress', check: ht.nonEmptyString, default: 'none' },
    { name: 'shutdown_timeout', check: (v) => ht.int(v) && (v as number) >= 0, default: 120 },
    { name: 'target_node', check: (v) => ht.nonEmptyString(v) || Array.isArray(v) },
    { name: 'target_node_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'shutdown', check: ht.bool, default: true },
    { name: 'remove_instance', check: ht.bool, default: false },
    { name: 'ignore_remove_failures', check: ht.bool, default: false },
    { name: 'mode', check: ht.oneOf('local', 'remote'), default: 'local' },
    { name: 'x509_key_name', check: ht.maybe(ht.list), default: null },
    { name: 'destination_x509_ca', check: ht.maybe(ht.string), default: null },
    { name: 'zero_free_space', check: ht.bool, default: false },
    { name: 'zeroing_timeout_fixed', check: ht.maybe(ht.int), default: null },
    { name: 'zeroing_timeout_per_mib', check: ht.maybe(ht.number), default: null },
    { name: 'long_sleep', check: ht.bool, default: false },
  ],
  locks: (op, snapshot) => [
    ...instanceLocks(op, snapshot),
    ...(typeof op.target_node === 'string' ? [{ level: 'node' as const, name: op.target_node, mode: 'exclusive' as const }] : []),
  ],
  checkPrereq(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    if (op.mode === 'remote') throw GanetiError.prereq('Remote (inter-cluster) exports are not supported by Corral', 'wrong_input');
    if (typeof op.target_node !== 'string') throw GanetiError.prereq('Target node must be a node name for a local export', 'wrong_input');
    const target = lookupNode(ctx.snapshot, op.target_node);
    if (target.offline) throw GanetiError.prereq(`Can't use offline node: ${target.name}`, 'wrong_state');
    if (op.remove_instance && !op.shutdown) throw GanetiError.prereq('Can not remove instance without shutting it down before', 'wrong_input');
    if (op.compress !== 'none') throw GanetiError.prereq(`Compression tool '${op.compress as string}' is not supported by Corral`, 'wrong_input');
    if (op.zero_free_space) throw GanetiError.prereq('Zeroing free space is not supported by Corral', 'wrong_input');
    storageTypeOf(instance.disk_template);
  },
  async exec(op, ctx) {
    const cluster = ctx.snapshot.list('cluster')[0]!;
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const source = primaryNodeOf(ctx.snapshot, instance);
    const target = lookupNode(ctx.snapshot, op.target_node as string);
    const runner = nodeRunnerOf(ctx);
    const state = new InstanceNodeState(runner, cluster);
    const wasRunning = await state.isRunning(instance, source);
    if (op.shutdown && wasRunning) {
      ctx.feedback(`Shutting down instance ${instance.name}`);
      await state.stop(instance, source, op.shutdown_timeout as number);
    }
    const exports = nodeExportDir(target);
    const staging = join(exports, `${instance.name}.new`);
    const final = join(exports, instance.name);
    const type = storageTypeOf(instance.disk_template);
    try {
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging, { recursive: true });
      for (const [i, disk] of instance.disks.entries()) {
        ctx.feedback(`Exporting snapshot/${i} from ${source.name} to ${target.name}`);
        await pluginCall(`Export of disk ${i} failed`, () => runner.on(source).storage(type!).exportDisk(diskRequest(disk), join(staging, dumpName(i))));
      }
      writeFileSync(join(staging, EXPORT_CONF_FILE), formatExportConfig(exportConfig(cluster, instance)));
      rmSync(final, { recursive: true, force: true });
      renameSync(staging, final);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (op.shutdown && wasRunning && !op.remove_instance) await state.start(instance, source).catch(() => undefined);
      throw error;
    }
    if (op.remove_instance) {
      ctx.feedback(`Removing instance ${instance.name}`);
      await state.stop(instance, source);
      if (type !== null) for (const disk of instance.disks) await pluginCall('Could not remove disk', () => runner.on(source).storage(type).removeDisk(diskRequest(disk)));
      return { result: [true, instance.disks.map(() => true)], changes: { remove: [{ kind: 'instance', uuid: instance.uuid }] } };
    }
    if (op.shutdown && wasRunning) {
      ctx.feedback(`Starting instance ${instance.name}`);
      await state.start(instance, source);
    }
    return { result: [true, instance.disks.map(() => true)] };
  },
};
