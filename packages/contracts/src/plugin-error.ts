/** Which contract raised a {@link PluginError}; callers map it to Ganeti's classification. */
export type PluginErrorKind =
  /** Ganeti's HypervisorError: the hypervisor refused or failed an operation. */
  | 'hypervisor'
  /** Ganeti's StorageError: a storage unit or disk operation failed. */
  | 'storage'
  /** Ganeti's OpExecError from an OS script: the script failed or the OS is invalid. */
  | 'os'
  /** The iallocator could not be run or gave an invalid answer (Ganeti's OpExecError). */
  | 'iallocator'
  /** A parameter dictionary failed its syntax check (Ganeti reports it as wrong_input). */
  | 'invalid-parameters'
  /** No plugin of that kind and name is loaded. */
  | 'unknown-plugin';

/**
 * The one error class of the plugin contracts. It carries a `kind` instead of
 * one class per contract so that consumers (opcodes) map errors in one place,
 * and it knows nothing of HTTP or of Ganeti's job results.
 */
export class PluginError extends Error {
  override readonly name = 'PluginError';

  constructor(
    readonly kind: PluginErrorKind,
    message: string,
    /** Name of the plugin that raised it (e.g. `fake`, `file`, `hail`). */
    readonly plugin?: string,
  ) {
    super(message);
  }

  /** True for any PluginError, also one built by another copy of this package. */
  static is(error: unknown): error is PluginError {
    return error instanceof Error && error.name === 'PluginError' && typeof (error as PluginError).kind === 'string';
  }
}
