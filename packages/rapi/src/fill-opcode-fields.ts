import { HttpError, type RouteRequest } from '@corral/http';
import { pythonStringRepr } from '@corral/opcodes';
import { pythonTypeName } from './python-type-name';

/** How a generic handler maps its body: legacy key renames and the values from the URL and query. */
export interface FillOptions {
  /** Body key -> opcode key (`name` -> `group_name`, `custom_ndparams` -> `ndparams`). */
  readonly rename?: Readonly<Record<string, string>>;
  /** Values from the URL and the query; the body may not set them. */
  readonly static?: Readonly<Record<string, unknown>>;
  /** The parameters to use instead of the request body (e.g. built from legacy query arguments). */
  readonly body?: unknown;
}

/** The body as a dict (an empty body is `{}`); another type is Ganeti's 400. */
function bodyDict(value: unknown): Record<string, unknown> {
  const body = value ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, `Body contents: Type is '${pythonTypeName(body)}', but 'dict' is expected`);
  return { ...(body as Record<string, unknown>) };
}

/**
 * Ganeti 3.0's baserlib.FillOpcode: the body's keys (after renames) become
 * opcode fields, the static values are added, and a body key colliding with
 * a static one is a 400 `Can't overwrite static parameters {...}`.
 * Validation of the result is the opcode registry's (submitJob).
 */
export function fillOpcodeFields(request: RouteRequest, options: FillOptions = {}): Record<string, unknown> {
  const fields = bodyDict('body' in options ? options.body : request.body);
  for (const [from, to] of Object.entries(options.rename ?? {})) {
    if (from in fields) {
      if (to in fields) throw new HttpError(400, `Parameter '${from}' was renamed to '${to}', but both are specified`);
      fields[to] = fields[from];
      delete fields[from];
    }
  }
  const statics = options.static ?? {};
  const overlap = Object.keys(statics).filter((k) => k in fields);
  if (overlap.length > 0) throw new HttpError(400, `Can't overwrite static parameters {${overlap.sort().map(pythonStringRepr).join(', ')}}`);
  return { ...fields, ...statics };
}
