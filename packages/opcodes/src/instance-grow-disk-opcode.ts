import { GanetiError } from '@corral/model';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { lookupInstance, primaryNodeOf } from './lookup-instance';
import { nodeRunnerOf } from './node-runner-of';
import { instanceLocks } from './instance-locks';
import { diskRequest, storageTypeOf } from './instance-disk-storage';
import { pluginCall } from './plugin-call';
import { findDisk } from './find-disk';
import { formatUnit } from './format-unit';

const GROWABLE = new Set(['drbd', 'ext', 'file', 'gluster', 'plain', 'rbd', 'sharedfile']);

/** The new size of the disk, checked as Ganeti's LUInstanceGrowDisk does. */
function targetSize(op: Record<string, unknown>, size: number): number {
  const amount = op.amount as number;
  if (op.absolute) {
    if (amount < size) throw GanetiError.prereq(`Requested size (${formatUnit(amount)}) is smaller than current disk size (${formatUnit(size)})`, 'wrong_state');
    return amount;
  }
  return size + amount;
}

/** OP_INSTANCE_GROW_DISK: grows one disk by `amount` MiB (or to `amount` when absolute). */
export const instanceGrowDiskOpcode: OpcodeDefinition = {
  id: 'OP_INSTANCE_GROW_DISK',
  touchesNodes: true,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'disk', check: (v) => ht.int(v) && (v as number) >= 0 },
    { name: 'amount', check: (v) => ht.int(v) && (v as number) >= 0 },
    { name: 'wait_for_sync', check: ht.bool, default: true },
    { name: 'absolute', check: ht.bool, default: false },
    { name: 'ignore_ipolicy', check: ht.bool, default: false },
  ],
  locks: instanceLocks,
  checkPrereq(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const disk = findDisk(instance, op.disk as number);
    if (!GROWABLE.has(disk.dev_type)) throw GanetiError.prereq(`Instance's disk layout ${disk.dev_type} does not support growing`, 'wrong_input');
    targetSize(op, disk.size);
    storageTypeOf(instance.disk_template);
  },
  async exec(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const index = op.disk as number;
    const disk = findDisk(instance, index);
    const size = targetSize(op, disk.size);
    const node = primaryNodeOf(ctx.snapshot, instance);
    const storage = nodeRunnerOf(ctx).on(node).storage(storageTypeOf(instance.disk_template)!);
    ctx.feedback(`Growing disk ${index} of instance '${instance.name}' by ${size - disk.size}M to ${size}M`);
    if (size > disk.size) await pluginCall(`Grow request failed to node ${node.name}`, () => storage.growDisk(diskRequest(disk), size - disk.size));
    const disks = instance.disks.map((d, i) => (i === index ? { ...d, size } : d));
    return { result: null, changes: { put: [{ kind: 'instance', object: { ...instance, disks } }] } };
  },
};
