import { GanetiError, isGanetiError } from '@corral/model';
import { PluginError } from '@corral/contracts';

/**
 * A node-side failure during an opcode as Ganeti reports it: a plugin's
 * refusal of a bad parameter (or a missing plugin) is `wrong_input`
 * (OpPrereqError); anything else is an OpExecError with the plugin's
 * message, prefixed by `what` was being done when given. GanetiErrors pass
 * through unchanged.
 */
export function pluginFailure(error: unknown, what?: string): GanetiError {
  if (isGanetiError(error)) return error;
  if (PluginError.is(error) && (error.kind === 'invalid-parameters' || error.kind === 'unknown-plugin')) {
    return GanetiError.prereq(error.message, 'wrong_input');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GanetiError('OpExecError', what ? `${what}: ${message}` : message);
}
