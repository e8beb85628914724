import { GanetiError } from '@corral/model';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { lookupInstance } from './lookup-instance';

/**
 * OP_BACKUP_PREPARE: nothing to prepare for a local export (result null);
 * remote (inter-cluster) exports need X509 handshakes Corral does not
 * implement and are refused.
 */
export const backupPrepareOpcode: OpcodeDefinition = {
  id: 'OP_BACKUP_PREPARE',
  touchesNodes: false,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'mode', check: ht.oneOf('local', 'remote') },
  ],
  locks: (op) => [{ level: 'instance', name: op.instance_name as string, mode: 'shared' }],
  checkPrereq(op, ctx) {
    lookupInstance(ctx.snapshot, op.instance_name as string);
    if (op.mode === 'remote') throw GanetiError.prereq('Remote (inter-cluster) exports are not supported by Corral', 'wrong_input');
  },
  async exec() {
    return { result: null };
  },
};
