import type { ErrorClassification } from './error-classification';

/**
 * The Ganeti exception class names that appear in job results
 * (`["OpPrereqError", [message, classification]]`).
 */
export type GanetiErrorName =
  | 'OpPrereqError'
  | 'OpExecError'
  | 'TagError'
  | 'HypervisorError'
  | 'BlockDeviceError'
  | 'ProgrammerError'
  | 'JobQueueFull'
  | 'JobQueueDrainError'
  | 'QueryFilterParseError'
  | 'ParameterError'
  | 'OpCodeUnknown'
  | 'AddressPoolError'
  | 'TypeEnforcementError';

/**
 * The one domain error of Corral. It knows nothing of HTTP: `name` is the
 * Ganeti exception class clients see in job results, `classification` the
 * ECODE_* string when there is one; only the transport edge maps it to a status.
 */
export class GanetiError extends Error {
  readonly ganetiName: GanetiErrorName;
  readonly classification: ErrorClassification | undefined;

  constructor(ganetiName: GanetiErrorName, message: string, classification?: ErrorClassification) {
    super(message);
    this.name = 'GanetiError';
    this.ganetiName = ganetiName;
    this.classification = classification;
  }

  /** The encoded form used in job results: `[ErrorName, [message, classification?]]`. */
  toJobResult(): [string, string[]] {
    const args = this.classification === undefined ? [this.message] : [this.message, this.classification];
    return [this.ganetiName, args];
  }

  static prereq(message: string, classification: ErrorClassification): GanetiError {
    return new GanetiError('OpPrereqError', message, classification);
  }
}

/** Type guard usable across package copies (checks the shape, not the prototype). */
export function isGanetiError(value: unknown): value is GanetiError {
  return value instanceof GanetiError || (value instanceof Error && value.name === 'GanetiError' && 'ganetiName' in value);
}
