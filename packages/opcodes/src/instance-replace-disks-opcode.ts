import { GanetiError } from '@corral/model';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { lookupInstance } from './lookup-instance';
import { instanceLocks } from './instance-locks';

/**
 * OP_INSTANCE_REPLACE_DISKS: only DRBD instances have disks to replace;
 * every other template is refused as Ganeti does, and DRBD storage is not
 * available in Corral yet (wrong_input).
 */
export const instanceReplaceDisksOpcode: OpcodeDefinition = {
  id: 'OP_INSTANCE_REPLACE_DISKS',
  touchesNodes: true,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'early_release', check: ht.bool, default: false },
    { name: 'ignore_ipolicy', check: ht.bool, default: false },
    { name: 'mode', check: ht.oneOf('replace_on_primary', 'replace_on_secondary', 'replace_new_secondary', 'replace_auto') },
    { name: 'disks', check: ht.listOf((v) => ht.int(v) && (v as number) >= 0), default: () => [] },
    { name: 'remote_node', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'remote_node_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'iallocator', check: ht.maybe(ht.nonEmptyString), default: null },
  ],
  locks: instanceLocks,
  checkPrereq(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    if (instance.disk_template !== 'drbd') throw GanetiError.prereq('Can only run replace disks for DRBD8-based instances', 'wrong_input');
    throw GanetiError.prereq("Disk template 'drbd' is modelled but its storage is not available in Corral", 'wrong_input');
  },
  async exec() {
    return { result: null };
  },
};
