import { randomBytes, randomUUID } from 'node:crypto';
import { GanetiError, effectiveBeparams, orderedBeparams, effectiveHvparams, type AdminState, type Disk, type Instance, type Nic, type ParamDict } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import type { OpcodeDefinition, OpInput } from './opcode-definition';
import type { OpContext } from './op-context';
import { ht } from './param-spec';
import { InstanceNodeState } from './instance-node-state';
import { lookupInstance, primaryNodeOf } from './lookup-instance';
import { nodeRunnerOf } from './node-runner-of';
import { instanceLocks } from './instance-locks';
import { diskRequest, freeFileDiskName, storageTypeOf, withDiskPath } from './instance-disk-storage';
import { pluginCall } from './plugin-call';
import { findInContainer, isContainerModList, upgradeMods } from './container-mods';
import { checkInstanceHvparams } from './hv-param-checks';
import { updatedParams } from './updated-params';

const dict = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
const maybeString = ht.maybe(ht.nonEmptyString);
const BE_TYPES: Readonly<Record<string, 'int' | 'bool'>> = { maxmem: 'int', minmem: 'int', vcpus: 'int', spindle_use: 'int', auto_balance: 'bool', always_failover: 'bool' };
/** Ganeti's DTS_NOT_CONVERTIBLE_FROM / _TO. */
const NOT_CONVERTIBLE_FROM = new Set(['diskless']);
const NOT_CONVERTIBLE_TO = new Set(['blockdev', 'diskless']);

type Change = [string, unknown];

/**
 * Ganeti's ForceDictType on backend parameters (TypeEnforcementError with
 * its texts; integer strings are converted, `"default"` passes) followed by
 * UpgradeBeParams (`memory` sets both `maxmem` and `minmem`).
 */
function checkedBeparams(beparams: ParamDict): ParamDict {
  const out: ParamDict = {};
  for (const [key, value] of Object.entries(beparams)) {
    const type = key === 'memory' ? 'int' : BE_TYPES[key];
    if (!type) throw new GanetiError('TypeEnforcementError', `Unknown parameter '${key}'`);
    let coerced = value;
    if (value !== 'default' && type === 'int') {
      if (!(Number.isInteger(value) || (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)))) {
        throw new GanetiError('TypeEnforcementError', `'${key}' (value ${String(value)}) is not a valid integer`);
      }
      coerced = Number(value);
    }
    if (value !== 'default' && type === 'bool') {
      const text = typeof value === 'string' ? value.toLowerCase() : value;
      if (text === true || text === 'true' || text === 1 || text === '1') coerced = true;
      else if (text === false || text === 'false' || text === 0 || text === '0' || text === '') coerced = false;
      else throw new GanetiError('TypeEnforcementError', `'${key}' (value ${String(value)}) is not a valid boolean`);
    }
    if (key === 'memory') {
      out.maxmem = coerced;
      out.minmem = coerced;
    } else out[key] = coerced;
  }
  return out;
}

function newMac(snapshot: ConfigSnapshot, prefix: string): string {
  const used = new Set(snapshot.list('instance').flatMap((i) => i.nics.map((n) => n.mac)));
  for (;;) {
    const mac = `${prefix}:${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
    if (!used.has(mac)) return mac;
  }
}

/** What a modification will do: the new instance, the result lines and the node work. */
interface SetParamsPlan {
  readonly instance: Instance;
  readonly result: Change[];
  readonly createDisks: Disk[];
  readonly removeDisks: Disk[];
  readonly convertFrom: string | null;
  readonly runtimeMem: number | null;
}

async function planSetParams(op: OpInput, ctx: OpContext): Promise<SetParamsPlan> {
  const snapshot = ctx.snapshot;
  const cluster = snapshot.list('cluster')[0]!;
  const current = lookupInstance(snapshot, op.instance_name as string);
  const node = primaryNodeOf(snapshot, current);
  const runner = nodeRunnerOf(ctx);
  const state = new InstanceNodeState(runner, cluster);
  const hvChanges = op.hvparams as ParamDict;
  const beChanges = checkedBeparams(op.beparams as ParamDict);
  const osChanges = op.osparams as ParamDict;
  const nicMods = upgradeMods('NIC', op.nics as unknown[][]);
  const diskMods = upgradeMods('disk', op.disks as unknown[][]);
  const template = op.disk_template as string | null;
  if (
    nicMods.length === 0 &&
    diskMods.length === 0 &&
    template === null &&
    Object.keys(hvChanges).length === 0 &&
    Object.keys(beChanges).length === 0 &&
    op.os_name === null &&
    Object.keys(osChanges).length === 0 &&
    op.offline === null &&
    !op.runtime_mem &&
    op.pnode === null &&
    op.osparams_private === null &&
    op.instance_communication === null
  ) {
    throw GanetiError.prereq('No changes submitted', 'wrong_input');
  }
  if (op.pnode !== null) throw GanetiError.prereq('Changing the primary node is not supported by Corral; use failover or migrate', 'wrong_input');
  if (op.hotplug) throw GanetiError.prereq('Hotplug is not supported by the hypervisor', 'wrong_input');

  const result: Change[] = [];
  let instance: Instance = current;
  let runtimeMem: number | null = null;
  if (op.runtime_mem) {
    if (!(await state.isRunning(current, node))) throw GanetiError.prereq(`Instance ${current.name} is not running`, 'wrong_state');
    const be = effectiveBeparams(cluster, { beparams: updatedParams(current.beparams, beChanges) });
    const mem = op.runtime_mem as number;
    if (!op.force && (mem > Number(be.maxmem) || mem < Number(be.minmem))) {
      throw GanetiError.prereq(`Instance ${current.name} must have memory between ${Number(be.minmem)} and ${Number(be.maxmem)} MB of memory unless --force is given`, 'wrong_input');
    }
    runtimeMem = mem;
    result.push(['runtime_memory', mem]);
  }

  // Disks.
  const disks: Disk[] = [...current.disks];
  const createDisks: Disk[] = [];
  const removeDisks: Disk[] = [];
  for (const [action, identifier, params] of diskMods) {
    if (action === 'attach' || action === 'detach') {
      throw GanetiError.prereq(`Disk ${action} is not supported by Corral: disks are not separate configuration objects`, 'wrong_input');
    }
    if (current.disk_template === 'diskless' && action === 'add' && template === null) throw GanetiError.prereq('Must specify disk type on diskless instance', 'wrong_input');
    if (action === 'add') {
      if (!('size' in params)) throw GanetiError.prereq("Required disk parameter 'size' missing", 'wrong_input');
      const mode = (params.mode as string | undefined) ?? 'rw';
      if (mode !== 'rw' && mode !== 'ro') throw GanetiError.prereq(`Invalid disk access mode '${mode}'`, 'wrong_input');
      const size = Number(params.size);
      if (!Number.isInteger(size) || size <= 0) throw GanetiError.prereq(`Invalid disk size '${String(params.size)}'`, 'wrong_input');
      storageTypeOf(current.disk_template);
      const at = identifier === -1 ? disks.length : findInContainer(identifier, 'disk', [...disks, { uuid: '', name: null }]);
      const disk: Disk = {
        uuid: randomUUID(),
        name: (params.name as string | undefined) ?? null,
        size,
        spindles: null,
        mode,
        dev_type: current.disk_template,
        logical_id: ['loop', freeFileDiskName(current.name, [...disks, ...removeDisks])],
        params: {},
      };
      disks.splice(at, 0, disk);
      createDisks.push(disk);
      result.push([`disk/${at}`, `add:size=${size},mode=${mode}`]);
    } else {
      const at = findInContainer(identifier, 'disk', disks);
      if (action === 'remove') {
        await state.checkNotRunning(current, node, "can't remove volume from a running instance without using hotplug");
        removeDisks.push(disks[at]!);
        disks.splice(at, 1);
        result.push([`disk/${at}`, 'remove']);
      } else {
        for (const key of Object.keys(params)) {
          if (key !== 'mode' && key !== 'name') throw GanetiError.prereq(`Disk '${key}' parameter change is not possible`, 'wrong_input');
        }
        let disk = disks[at]!;
        if ('mode' in params) {
          disk = { ...disk, mode: params.mode as 'rw' | 'ro' };
          result.push([`disk.mode/${at}`, disk.mode]);
        }
        if ('name' in params) {
          const name = params.name === null || String(params.name).toLowerCase() === 'none' ? null : String(params.name);
          disk = { ...disk, name };
          result.push([`disk.name/${at}`, name]);
        }
        disks[at] = disk;
      }
    }
  }
  instance = { ...instance, disks };

  // Disk template conversion.
  let convertFrom: string | null = null;
  if (template !== null) {
    if (NOT_CONVERTIBLE_FROM.has(current.disk_template)) throw GanetiError.prereq(`Conversion from the '${current.disk_template}' disk template is not supported`, 'wrong_input');
    if (NOT_CONVERTIBLE_TO.has(template)) throw GanetiError.prereq(`Conversion to the '${template}' disk template is not supported`, 'wrong_input');
    if (template === current.disk_template) throw GanetiError.prereq(`Instance already has disk template ${template}`, 'wrong_input');
    if (!cluster.enabled_disk_templates.includes(template)) {
      throw GanetiError.prereq(`Disk template '${template}' is not enabled for this cluster (enabled templates: ${cluster.enabled_disk_templates.join(', ')})`, 'wrong_state');
    }
    if (current.admin_state !== 'down') throw GanetiError.prereq(`Instance '${current.name}' is marked to be ${current.admin_state}, cannot change disk template`, 'wrong_state');
    await state.checkNotRunning(current, node, 'cannot change disk template');
    storageTypeOf(template);
    convertFrom = current.disk_template;
    instance = { ...instance, disk_template: template, disks: instance.disks.map((d) => ({ ...d, dev_type: template })) };
    result.push(['disk_template', template]);
  }

  // NICs.
  const nics: Nic[] = [...current.nics];
  for (const [action, identifier, params] of nicMods) {
    if (action === 'attach' || action === 'detach') throw GanetiError.prereq(`Invalid NIC operation '${action}'`, 'wrong_input');
    const nicparams: ParamDict = {};
    for (const key of ['mode', 'link', 'vlan']) if (key in params) nicparams[key] = params[key];
    if (action === 'add') {
      const mac = params.mac === undefined || params.mac === 'auto' || params.mac === 'generate' ? newMac(snapshot, cluster.mac_prefix) : String(params.mac);
      const ip = params.ip === undefined || params.ip === null || String(params.ip).toLowerCase() === 'none' ? null : String(params.ip);
      const at = identifier === -1 ? nics.length : findInContainer(identifier, 'NIC', [...nics, { uuid: '', name: null }]);
      const nic: Nic = { uuid: randomUUID(), name: (params.name as string | undefined) ?? null, mac, ip, network: (params.network as string | undefined) ?? null, nicparams };
      nics.splice(at, 0, nic);
      const filled = { ...cluster.nicparams.default, ...nicparams };
      const py = (v: unknown): string => (v === null || v === undefined ? 'None' : String(v));
      result.push([`nic.${at}`, `add:mac=${mac},ip=${py(ip)},mode=${py(filled.mode)},link=${py(filled.link)},network=${py(nic.network)}`]);
    } else {
      const at = findInContainer(identifier, 'NIC', nics);
      if (action === 'remove') {
        nics.splice(at, 1);
        result.push([`NIC/${at}`, 'remove']);
      } else {
        let nic = nics[at]!;
        for (const key of ['mac', 'ip', 'name'] as const) {
          if (key in params) {
            nic = { ...nic, [key]: params[key] === 'auto' && key === 'mac' ? newMac(snapshot, cluster.mac_prefix) : (params[key] as string | null) };
            result.push([`nic.${key}/${at}`, params[key]]);
          }
        }
        // Ganeti lists every filled NIC parameter after a modification, changed or not.
        nic = { ...nic, nicparams: { ...nic.nicparams, ...nicparams } };
        const filled: ParamDict = { ...cluster.nicparams.default, ...nic.nicparams };
        for (const key of Object.keys(filled).sort()) result.push([`nic.${key}/${at}`, filled[key]]);
        nics[at] = nic;
      }
    }
  }
  instance = { ...instance, nics };

  if (Object.keys(hvChanges).length > 0) {
    instance = { ...instance, hvparams: updatedParams(current.hvparams, hvChanges) };
    const hypervisor = await pluginCall('Hypervisor parameter check failed', () => runner.on(node).hypervisor(current.hypervisor));
    checkInstanceHvparams(hvChanges, effectiveHvparams(cluster, instance), hypervisor);
    for (const [key, value] of Object.entries(hvChanges)) result.push([`hv/${key}`, value]);
  }
  if (Object.keys(beChanges).length > 0) {
    instance = { ...instance, beparams: orderedBeparams(updatedParams(current.beparams, beChanges)) };
    const be = effectiveBeparams(cluster, instance);
    if (Number(be.minmem) > Number(be.maxmem)) throw GanetiError.prereq('Minimum memory is bigger than maximum memory', 'wrong_input');
    for (const [key, value] of Object.entries(op.beparams as ParamDict)) result.push([`be/${key}`, value]);
  }
  if (op.os_name !== null) {
    try {
      await runner.on(node).os(op.os_name as string);
    } catch {
      throw GanetiError.prereq(`OS '${op.os_name as string}' not in supported OS list for node ${node.name}`, 'wrong_input');
    }
    instance = { ...instance, os: op.os_name as string };
  }
  if (Object.keys(osChanges).length > 0) {
    instance = { ...instance, osparams: updatedParams(current.osparams, osChanges) };
    for (const [key, value] of Object.entries(osChanges)) result.push([`os/${key}`, value]);
  }
  if (op.offline !== null) {
    const msg = op.offline ? "can't change to offline without being down first" : "can't change to online (down) without being offline first";
    await state.checkNotRunning(current, node, msg);
    const admin: AdminState = op.offline ? 'offline' : 'down';
    instance = { ...instance, admin_state: admin };
    result.push(['admin_state', admin]);
  }
  return { instance, result, createDisks, removeDisks, convertFrom, runtimeMem };
}

/**
 * OP_INSTANCE_SET_PARAMS: changes backend, hypervisor (checked by the
 * hypervisor's syntax check) and OS parameters, the OS, runtime memory,
 * the offline state, NICs and disks (2- and 3-tuple modification forms)
 * and the disk template where the storage allows. Added disks are created,
 * removed ones deleted. Result: Ganeti's `[[param, new_value], ...]`.
 */
export const instanceSetParamsOpcode: OpcodeDefinition = {
  id: 'OP_INSTANCE_SET_PARAMS',
  touchesNodes: true,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: maybeString, default: null },
    { name: 'force', check: ht.bool, default: false },
    { name: 'force_variant', check: ht.bool, default: false },
    { name: 'ignore_ipolicy', check: ht.bool, default: false },
    { name: 'nics', check: isContainerModList, default: () => [] },
    { name: 'disks', check: isContainerModList, default: () => [] },
    { name: 'beparams', check: dict, default: () => ({}) },
    { name: 'runtime_mem', check: ht.maybe((v) => ht.int(v) && (v as number) > 0), default: null },
    { name: 'hvparams', check: dict, default: () => ({}) },
    { name: 'disk_template', check: maybeString, default: null },
    { name: 'ext_params', check: dict, default: () => ({}) },
    { name: 'file_driver', check: ht.maybe(ht.oneOf('loop', 'blktap', 'blktap2')), default: null },
    { name: 'file_storage_dir', check: maybeString, default: null },
    { name: 'pnode', check: maybeString, default: null },
    { name: 'pnode_uuid', check: maybeString, default: null },
    { name: 'remote_node', check: maybeString, default: null },
    { name: 'remote_node_uuid', check: maybeString, default: null },
    { name: 'iallocator', check: maybeString, default: null },
    { name: 'os_name', check: maybeString, default: null },
    { name: 'osparams', check: dict, default: () => ({}) },
    { name: 'osparams_private', check: ht.maybe(dict), default: null },
    { name: 'wait_for_sync', check: ht.bool, default: true },
    { name: 'offline', check: ht.maybe(ht.bool), default: null },
    { name: 'conflicts_check', check: ht.bool, default: true },
    { name: 'hotplug', check: ht.bool, default: false },
    { name: 'hotplug_if_possible', check: ht.bool, default: false },
    { name: 'instance_communication', check: ht.maybe(ht.bool), default: null },
  ],
  locks: instanceLocks,
  async checkPrereq(op, ctx) {
    await planSetParams(op, ctx);
  },
  async exec(op, ctx) {
    const plan = await planSetParams(op, ctx);
    const current = lookupInstance(ctx.snapshot, op.instance_name as string);
    const node = primaryNodeOf(ctx.snapshot, current);
    const runner = nodeRunnerOf(ctx).on(node);
    const cluster = ctx.snapshot.list('cluster')[0]!;
    if (plan.runtimeMem !== null) {
      const spec = await new InstanceNodeState(nodeRunnerOf(ctx), cluster).spec(current, node);
      await pluginCall('Cannot modify instance runtime memory', () => runner.hypervisor(current.hypervisor).balloonInstanceMemory(spec, plan.runtimeMem!));
    }
    let disks = plan.instance.disks;
    const oldType = storageTypeOf(current.disk_template);
    if (oldType !== null) {
      const storage = runner.storage(oldType);
      for (const disk of plan.createDisks) {
        const path = await pluginCall('Could not create disk', () => storage.createDisk(diskRequest(disk), disk.size));
        disks = disks.map((d) => (d.uuid === disk.uuid ? withDiskPath(d, path) : d));
      }
      for (const disk of plan.removeDisks) await pluginCall('Could not remove disk', () => storage.removeDisk(diskRequest(disk)));
    }
    if (plan.convertFrom !== null) {
      const from = runner.storage(storageTypeOf(plan.convertFrom)!);
      const to = runner.storage(storageTypeOf(plan.instance.disk_template)!);
      ctx.feedback(`Converting disk template from '${plan.convertFrom}' to '${plan.instance.disk_template}'`);
      const converted: Disk[] = [];
      for (const disk of disks) {
        const path = await pluginCall('Cannot find disk', () => from.attachDisk(diskRequest(disk)));
        converted.push(withDiskPath(disk, await pluginCall('Could not copy disk', () => to.importDisk(diskRequest(disk), path))));
      }
      for (const disk of disks) await pluginCall('Could not remove old disk', () => from.removeDisk(diskRequest(disk)));
      disks = converted;
    }
    return { result: plan.result, changes: { put: [{ kind: 'instance', object: { ...plan.instance, disks } }] } };
  },
};
