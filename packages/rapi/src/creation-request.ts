import { HttpError } from '@corral/http';
import { isGanetiError } from '@corral/model';
import { checkCreateInput, pythonErrorText, type OpcodeRegistry } from '@corral/opcodes';
import { pythonTypeName } from './python-type-name';

/** Body keys renamed on the way into OP_INSTANCE_CREATE (Ganeti 3.0's rlib2 renames). */
const RENAMES: readonly (readonly [string, string])[] = [
  ['name', 'instance_name'],
  ['os', 'os_type'],
];

/** The body as a dict, or Ganeti's 400 naming its Python type. */
export function bodyDict(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, `Body contents: Type is '${pythonTypeName(body)}', but 'dict' is expected`);
  }
  return body as Record<string, unknown>;
}

/**
 * One creation dict (a `POST /2/instances` body without `__version__`, or
 * an entry of a multi-allocation) as OP_INSTANCE_CREATE fields: the renames
 * applied (both spellings are a 400, as in Ganeti 3.0), `dry_run` refused,
 * unknown keys and ill-typed values refused by the opcode registry, and the
 * input checks that need no cluster state (disk sizes, NIC addresses,
 * beparams, parameter combinations) done here, so a client mistake is a 400.
 */
export function creationFields(opcodes: OpcodeRegistry, raw: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...raw };
  if ('dry_run' in fields) throw new HttpError(400, "Can't overwrite static parameters {'dry_run'}");
  for (const [from, to] of RENAMES) {
    if (!(from in fields)) continue;
    if (to in fields) throw new HttpError(400, `Parameter '${from}' was renamed to '${to}', but both are specified`);
    fields[to] = fields[from];
    delete fields[from];
  }
  Object.assign(fields, extra);
  let op;
  try {
    // Ganeti 3.0 builds the opcode without its required values and reports them as failing validation.
    const required = Object.fromEntries((opcodes.get('OP_INSTANCE_CREATE')?.params ?? []).filter((p) => !('default' in p)).map((p) => [p.name, null]));
    op = opcodes.build('OP_INSTANCE_CREATE', { ...required, ...fields });
  } catch (error) {
    if (isGanetiError(error)) throw new HttpError(400, `Invalid body parameters: ${pythonErrorText(error)}`);
    throw error;
  }
  try {
    checkCreateInput(op);
  } catch (error) {
    if (isGanetiError(error)) throw new HttpError(400, `Invalid body parameters: ${error.message}`);
    throw error;
  }
  return fields;
}
