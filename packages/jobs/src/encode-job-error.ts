import { isGanetiError } from '@corral/model';

/** Ganeti's encoding of a failure in a job result: `[ErrorName, args]`. */
export function encodeJobError(error: unknown): unknown {
  if (isGanetiError(error)) return error.toJobResult();
  return ['OpExecError', [error instanceof Error ? error.message : String(error)]];
}
