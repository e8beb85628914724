import { PluginError } from '@corral/contracts';
import { GanetiError, isGanetiError } from '@corral/model';

/**
 * A plugin failure as the job reports it: a bad parameter is `wrong_input`
 * (OpPrereqError), anything else an OpExecError with the plugin's message.
 */
export function pluginFailure(error: unknown): unknown {
  if (isGanetiError(error) || !PluginError.is(error)) return error;
  if (error.kind === 'invalid-parameters' || error.kind === 'unknown-plugin') return GanetiError.prereq(error.message, 'wrong_input');
  return new GanetiError('OpExecError', error.message);
}
