import { GanetiError } from '@corral/model';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { InstanceNodeState } from './instance-node-state';
import { lookupInstance, lookupNode, primaryNodeOf } from './lookup-instance';
import { nodeRunnerOf } from './node-runner-of';
import { instanceLocks } from './instance-locks';
import { diskRequest, storageTypeOf, withDiskPath } from './instance-disk-storage';
import { pluginCall } from './plugin-call';

const diskEntry = (v: unknown): boolean =>
  (ht.int(v) && (v as number) >= 0) ||
  (Array.isArray(v) && v.length === 2 && ht.int(v[0]) && (v[0] as number) >= 0 && typeof v[1] === 'object' && v[1] !== null && !Array.isArray(v[1]));

/** The selected disk indices with their parameter changes (`size`, `mode`). */
function selected(op: Record<string, unknown>, count: number): Map<number, Record<string, unknown>> {
  const entries = op.disks as unknown[];
  const map = new Map<number, Record<string, unknown>>();
  if (entries.length === 0) for (let i = 0; i < count; i++) map.set(i, {});
  for (const e of entries) {
    const [idx, params] = Array.isArray(e) ? (e as [number, Record<string, unknown>]) : [e as number, {}];
    if (idx >= count) throw GanetiError.prereq(`Invalid disk index '${idx}'`, 'wrong_input');
    map.set(idx, params);
  }
  return map;
}

/**
 * OP_INSTANCE_RECREATE_DISKS: recreates the selected disks (all when none
 * are named) as new empty disks, on the primary or on `nodes[0]`; the
 * instance must be stopped.
 */
export const instanceRecreateDisksOpcode: OpcodeDefinition = {
  id: 'OP_INSTANCE_RECREATE_DISKS',
  touchesNodes: true,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'disks', check: ht.listOf(diskEntry), default: () => [] },
    { name: 'nodes', check: ht.listOf(ht.nonEmptyString), default: () => [] },
    { name: 'node_uuids', check: ht.maybe(ht.listOf(ht.nonEmptyString)), default: null },
    { name: 'iallocator', check: ht.maybe(ht.nonEmptyString), default: null },
  ],
  locks: (op, snapshot) => [...instanceLocks(op, snapshot), ...(op.nodes as string[]).map((name) => ({ level: 'node' as const, name, mode: 'exclusive' as const }))],
  async checkPrereq(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const nodes = op.nodes as string[];
    if (nodes.length > 0 && op.iallocator !== null) throw GanetiError.prereq('Give either the iallocator or the new nodes', 'wrong_input');
    if (op.iallocator !== null) throw GanetiError.prereq('Recreating disks through an iallocator is not supported by Corral; give the new nodes', 'wrong_input');
    for (const name of nodes) lookupNode(ctx.snapshot, name);
    const current = 1 + instance.secondary_nodes.length;
    if (nodes.length > 0 && nodes.length !== current) {
      throw GanetiError.prereq(`Instance ${instance.name} currently has ${current} nodes, but ${nodes.length} replacement nodes were specified`, 'wrong_input');
    }
    if (instance.disks.length === 0) throw GanetiError.prereq(`Instance '${instance.name}' has no disks`, 'wrong_input');
    const oldPrimary = primaryNodeOf(ctx.snapshot, instance);
    if (!(nodes.length > 0 && oldPrimary.offline)) {
      await new InstanceNodeState(nodeRunnerOf(ctx), ctx.snapshot.list('cluster')[0]!).checkNotRunning(instance, oldPrimary, 'cannot recreate disks');
    }
    const chosen = selected(op, instance.disks.length);
    if (nodes.length > 0 && chosen.size !== instance.disks.length) {
      throw GanetiError.prereq("Can't recreate disks partially and change the nodes at the same time", 'wrong_input');
    }
    storageTypeOf(instance.disk_template);
  },
  async exec(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const nodes = op.nodes as string[];
    const node = nodes.length > 0 ? lookupNode(ctx.snapshot, nodes[0]!) : primaryNodeOf(ctx.snapshot, instance);
    const storage = nodeRunnerOf(ctx).on(node).storage(storageTypeOf(instance.disk_template)!);
    const changes = selected(op, instance.disks.length);
    let disks = instance.disks.map((d, i) => {
      const p = changes.get(i);
      return p ? { ...d, size: typeof p.size === 'number' ? p.size : d.size, mode: (p.mode as 'rw' | 'ro' | undefined) ?? d.mode } : d;
    });
    for (const [i] of changes) {
      const disk = disks[i]!;
      await pluginCall('Could not remove disk', () => storage.removeDisk(diskRequest(disk)));
      const path = await pluginCall(`Could not create disk ${i}`, () => storage.createDisk(diskRequest(disk), disk.size));
      disks = disks.map((d, j) => (j === i ? withDiskPath(d, path) : d));
    }
    return { result: null, changes: { put: [{ kind: 'instance', object: { ...instance, disks, primary_node: node.uuid } }] } };
  },
};
