import { PluginError } from '../plugin-error';

/**
 * The PluginError a plugin call rejects with, for specs that assert its
 * kind and text (every plugin's spec needs it). Fails when the call
 * succeeds or rejects with something else.
 */
export async function pluginRejection(call: Promise<unknown>): Promise<PluginError> {
  try {
    await call;
  } catch (error) {
    if (PluginError.is(error)) return error;
    throw new Error(`expected a PluginError, got ${String(error)}`);
  }
  throw new Error('expected a rejection');
}
