import { GanetiError } from '@corral/model';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import type { OpInput } from './opcode-definition';
import type { OpOutcome } from './op-outcome';
import type { OpContext } from './op-context';

/**
 * Creating an instance from an export (`mode: import`) or from another
 * cluster (`mode: remote-import`): the exec of OP_INSTANCE_CREATE for those
 * modes. Its checkPrereq has already run `checkCreateInput` (the mode's
 * parameters are present) under the instance and node-allocation locks.
 * Returns the job result (the node names) and the config changes, as the
 * `create` mode does.
 */
export async function instanceImport(op: OpInput, _ctx: OpContext, _deps: InstanceOpcodeDeps): Promise<OpOutcome> {
  throw GanetiError.prereq(`Instance creation mode '${String(op.mode)}' is not supported yet`, 'wrong_input');
}
