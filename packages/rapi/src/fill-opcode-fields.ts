import { HttpError, type RouteRequest } from '@corral/http';
import { pythonTypeName } from './python-type-name';

/**
 * Ganeti's baserlib.FillOpcode: the body dict's keys (renamed as given),
 * plus the static values from the URL and query, which the body may not
 * overwrite. `?dry-run=` becomes a static `dry_run` when present.
 */
export function fillOpcodeFields(
  request: RouteRequest,
  body: unknown,
  staticFields: Readonly<Record<string, unknown>>,
  rename: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  let params: Record<string, unknown> = {};
  if (body !== null && body !== undefined) {
    if (typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, `Body contents: Type is '${pythonTypeName(body)}', but 'dict' is expected`);
    params = { ...(body as Record<string, unknown>) };
  }
  for (const [old, renamed] of Object.entries(rename)) {
    if (old in params && renamed in params) throw new HttpError(400, `Parameter '${old}' was renamed to '${renamed}', but both are specified`);
    if (old in params) {
      params[renamed] = params[old];
      delete params[old];
    }
  }
  const statics: Record<string, unknown> = { ...staticFields };
  if (request.query.has('dry-run')) statics.dry_run = request.query.flag('dry-run');
  const overwritten = Object.keys(params).filter((k) => k in statics);
  if (overwritten.length > 0) throw new HttpError(400, `Can't overwrite static parameters {${overwritten.map((k) => `'${k}'`).join(', ')}}`);
  return { ...params, ...statics };
}
