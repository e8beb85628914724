import { PluginError, type NodeRunner, type NodeServices } from '@corral/contracts';
import { GanetiError, isGanetiError, type Node } from '@corral/model';
import type { OpContext } from './op-context';

/** The plugin services of a node through the context's node runner (never the plugins directly). */
export function nodeServicesOf(ctx: OpContext, node: Node): NodeServices {
  const runner = ctx.runner as NodeRunner | undefined;
  if (!runner) throw new GanetiError('OpExecError', 'No node runner is available to reach the nodes');
  return runner.on(node);
}

/**
 * A plugin failure as the job reports it: a bad parameter is `wrong_input`
 * (OpPrereqError), anything else an OpExecError with the plugin's message.
 */
export function pluginFailure(error: unknown): unknown {
  if (isGanetiError(error) || !PluginError.is(error)) return error;
  if (error.kind === 'invalid-parameters' || error.kind === 'unknown-plugin') return GanetiError.prereq(error.message, 'wrong_input');
  return new GanetiError('OpExecError', error.message);
}
