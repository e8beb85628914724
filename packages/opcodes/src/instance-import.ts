import { GanetiError } from '@corral/model';
import type { OpInput } from './opcode-definition';
import type { OpContext } from './op-context';

/**
 * Creating an instance from an export (`mode: import`) or from another
 * cluster (`mode: remote-import`). The parameters are validated by the
 * create opcode before this is called.
 */
export async function instanceImport(op: OpInput, _ctx: OpContext): Promise<never> {
  throw GanetiError.prereq(`Instance creation mode '${String(op.mode)}' is not supported yet`, 'wrong_input');
}
