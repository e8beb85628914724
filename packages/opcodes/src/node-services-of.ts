import type { NodeServices } from '@corral/contracts';
import { GanetiError, type Node } from '@corral/model';
import type { OpContext } from './op-context';

/** The plugin services of a node through the context's node runner (never the plugins directly). */
export function nodeServicesOf(ctx: OpContext, node: Node): NodeServices {
  const runner = ctx.runner;
  if (!runner) throw new GanetiError('OpExecError', 'No node runner is available to reach the nodes');
  return runner.on(node);
}
