import { GanetiError, type Disk } from '@corral/model';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { InstanceNodeState } from './instance-node-state';
import { lookupInstance, primaryNodeOf } from './lookup-instance';
import { nodeRunnerOf } from './node-runner-of';
import { instanceLocks } from './instance-locks';
import { diskRequest, fileDiskName, storageTypeOf, withDiskPath } from './instance-disk-storage';
import { pluginCall } from './plugin-call';
import { checkNewInstanceName } from './check-new-instance-name';

/**
 * OP_INSTANCE_RENAME: the instance must be stopped (Ganeti's
 * INSTANCE_NOT_RUNNING check); the configuration and the file disks follow
 * the new name. Result: the new name.
 */
export const instanceRenameOpcode: OpcodeDefinition = {
  id: 'OP_INSTANCE_RENAME',
  touchesNodes: true,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'new_name', check: ht.nonEmptyString },
    { name: 'name_check', check: ht.bool, default: true },
    { name: 'ip_check', check: ht.bool, default: true },
  ],
  locks: (op, snapshot) => [...instanceLocks(op, snapshot), { level: 'instance', name: op.new_name as string, mode: 'exclusive' }],
  async checkPrereq(op, ctx) {
    if (op.ip_check && !op.name_check) throw GanetiError.prereq('IP address check requires a name check', 'wrong_input');
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const node = primaryNodeOf(ctx.snapshot, instance);
    if (node.offline) throw GanetiError.prereq(`Can't use offline node: ${node.name}`, 'wrong_state');
    await new InstanceNodeState(nodeRunnerOf(ctx), ctx.snapshot.list('cluster')[0]!).checkNotRunning(instance, node, 'cannot rename');
    if (op.new_name !== instance.name && ctx.snapshot.findByName('instance', op.new_name as string)) {
      throw GanetiError.prereq(`Instance '${op.new_name as string}' is already in the cluster`, 'already_exists');
    }
    await checkNewInstanceName(op.new_name as string, op.name_check as boolean, op.ip_check as boolean);
  },
  async exec(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const newName = op.new_name as string;
    if (newName === instance.name) return { result: newName };
    const node = primaryNodeOf(ctx.snapshot, instance);
    const type = storageTypeOf(instance.disk_template);
    let disks: readonly Disk[] = instance.disks;
    if (type !== null) {
      const storage = nodeRunnerOf(ctx).on(node).storage(type);
      const renamed: Disk[] = [];
      for (const disk of instance.disks) {
        const path = await pluginCall('Could not rename disk', () => storage.attachDisk(diskRequest(disk)));
        const name = fileDiskName(newName, Number(/disk(\d+)$/.exec(diskRequest(disk).name)?.[1] ?? renamed.length));
        renamed.push(withDiskPath(disk, await pluginCall('Could not rename disk', () => storage.importDisk({ name }, path))));
      }
      disks = renamed;
      for (const disk of instance.disks) await pluginCall('Could not rename disk', () => storage.removeDisk(diskRequest(disk)));
    }
    return { result: newName, changes: { put: [{ kind: 'instance', object: { ...instance, name: newName, disks } }] } };
  },
};
