import { HttpError } from '@corral/http';
import { isGanetiError } from '@corral/model';
import { pythonErrorText } from '@corral/opcodes';

/**
 * The RAPI edge's mapping of domain errors to HTTP: a full queue is 503, an
 * unknown object 404, bad input 400; anything else stays an error for the
 * transport's 500. Messages are Ganeti's `str()` of the exception.
 */
export function ganetiErrorToHttp(error: unknown): unknown {
  if (!isGanetiError(error)) return error;
  if (error.ganetiName === 'JobQueueFull' || error.ganetiName === 'JobQueueDrainError') return new HttpError(503, error.message);
  if (error.classification === 'unknown_entity') return new HttpError(404);
  if (error.classification === 'wrong_input' || error.ganetiName === 'OpCodeUnknown') return new HttpError(400, pythonErrorText(error));
  return error;
}
