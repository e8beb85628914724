import { HttpError } from '@corral/http';

/** Ganeti's 404 for a missing item: `Not Found` / `Nothing matches the given URI`. */
export function notFound(): HttpError {
  return new HttpError(404);
}
