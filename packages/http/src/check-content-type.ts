import { HttpError } from './http-error';

/**
 * A non-empty body must be JSON: `application/json`, case-insensitive, with
 * at most a `charset=utf-8` parameter (Ganeti refused any parameter; we
 * accept the one every HTTP library adds). Anything else is a 415.
 */
export function checkContentType(contentType: string | undefined): void {
  const [type, ...params] = (contentType ?? 'application/octet-stream').split(';').map((p) => p.trim().toLowerCase());
  const paramsOk = params.every((p) => p === '' || p.replace(/\s+/g, '') === 'charset=utf-8' || p === 'charset="utf-8"');
  if (type !== 'application/json' || !paramsOk) {
    throw new HttpError(415);
  }
}
