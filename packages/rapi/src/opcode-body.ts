import { HttpError, type RouteRequest } from '@corral/http';
import { pythonTypeName } from './python-type-name';

/**
 * Ganeti 3.0's generic handler body: the JSON dict's keys become opcode
 * fields (with `renames` applied), then the static fields from the URL and
 * query are added; a body key colliding with a static one is a 400.
 */
export function opcodeBody(
  request: RouteRequest,
  statics: Readonly<Record<string, unknown>>,
  renames: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  const body = request.body ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, `Body contents: Type is '${pythonTypeName(body)}', but 'dict' is expected`);
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const name = renames[key] ?? key;
    if (!(name in fields) || !(key in renames)) fields[name] = value;
  }
  const clashes = Object.keys(statics).filter((k) => k in fields);
  if (clashes.length > 0) throw new HttpError(400, `Can't overwrite static parameters {${clashes.map((k) => `'${k}'`).join(', ')}}`);
  return { ...fields, ...statics };
}
