import { PluginError } from '@corral/contracts';
import { GanetiError, isGanetiError } from '@corral/model';

/**
 * A node-side failure during an opcode's execution as Ganeti reports it: an
 * OpExecError with `what` and the plugin's message. GanetiErrors pass through.
 */
export function pluginFailure(error: unknown, what: string): GanetiError {
  if (isGanetiError(error)) return error;
  const message = PluginError.is(error) || error instanceof Error ? error.message : String(error);
  return new GanetiError('OpExecError', `${what}: ${message}`);
}
