import type { NodeRunner } from '@corral/contracts';
import { GanetiError } from '@corral/model';
import type { OpContext } from './op-context';

/** The node runner an opcode works through; its absence is a server wiring error. */
export function nodeRunnerOf(ctx: OpContext): NodeRunner {
  const runner = ctx.runner;
  if (!runner || typeof runner.on !== 'function') throw new GanetiError('ProgrammerError', 'No node runner is configured');
  return runner;
}
