import { PluginError } from '@corral/contracts';
import { GanetiError } from '@corral/model';

/**
 * Runs a node-runner call and turns a PluginError into the Ganeti error a
 * client sees in the job result: a bad parameter dictionary is wrong_input,
 * a missing plugin an environment error, anything else OpExecError.
 */
export async function pluginCall<T>(what: string, call: () => Promise<T> | T): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!PluginError.is(error)) throw error;
    if (error.kind === 'invalid-parameters') throw GanetiError.prereq(error.message, 'wrong_input');
    if (error.kind === 'unknown-plugin') throw GanetiError.prereq(`${what}: ${error.message}`, 'environment_error');
    throw new GanetiError('OpExecError', `${what}: ${error.message}`);
  }
}
