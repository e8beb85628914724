import { QueryFilterError } from './query-filter-error';
import { FieldStatus } from './result-status';

/** A compiled filter: true when the item matches. */
export type ItemFilter<T> = (item: T) => boolean;

/** Finds the getter of a field name, or undefined when there is no such field. */
export type FieldResolver<T> = (name: string) => ((item: T) => unknown) | undefined;

const MAX_LEVELS = 10;
const LOGIC = new Set(['|', '&']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '<=', '>=', '=~', '=[]']);

function repr(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function compare(op: string, actual: unknown, expected: unknown): boolean {
  switch (op) {
    case '=':
    case '==':
      return equal(actual, expected);
    case '!=':
      return !equal(actual, expected);
    case '=[]':
      return Array.isArray(actual) && actual.some((v) => equal(v, expected));
  }
  const bothNumbers = typeof actual === 'number' && typeof expected === 'number';
  const bothStrings = typeof actual === 'string' && typeof expected === 'string';
  if (!bothNumbers && !bothStrings) return false;
  const a = actual as number | string;
  const e = expected as number | string;
  switch (op) {
    case '<':
      return a < e;
    case '>':
      return a > e;
    case '<=':
      return a <= e;
    default:
      return a >= e;
  }
}

function equal(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Ganeti's truthiness of a field value (`?`): Python's bool(). */
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

/**
 * Compiles a filter of Ganeti's query language: `["|", f...]`, `["&", f...]`,
 * `["!", f]`, `["?", field]`, and `[op, field, value]` for `=`/`==`, `!=`,
 * `<`, `>`, `<=`, `>=`, `=~` (regular expression search) and `=[]` (list
 * contains). A comparison on a field without a normal value is false.
 * null means no filter. Throws QueryFilterError with Ganeti-like texts.
 */
export function compileFilter<T>(filter: unknown, resolve: FieldResolver<T>): ItemFilter<T> {
  if (filter === null || filter === undefined) return () => true;
  return compileLevel(filter, resolve, 0);
}

function field<T>(resolve: FieldResolver<T>, name: unknown): (item: T) => unknown {
  if (typeof name !== 'string') throw new QueryFilterError(`Field name must be a string, got ${repr(name)}`);
  const get = resolve(name);
  if (!get) throw new QueryFilterError(`Can't find field named '${name}'`);
  return get;
}

function compileLevel<T>(filter: unknown, resolve: FieldResolver<T>, level: number): ItemFilter<T> {
  if (!Array.isArray(filter) || filter.length === 0 || typeof filter[0] !== 'string') {
    throw new QueryFilterError(`Cannot deserialise filter: expected array [string, args], got ${repr(filter)}`);
  }
  if (level >= MAX_LEVELS) throw new QueryFilterError(`Only up to ${MAX_LEVELS} levels are allowed (filter too complex)`);
  const [op, ...operands] = filter as [string, ...unknown[]];
  if (LOGIC.has(op)) {
    const parts = operands.map((f) => compileLevel(f, resolve, level + 1));
    return op === '|' ? (item) => parts.some((p) => p(item)) : (item) => parts.every((p) => p(item));
  }
  if (op === '!') {
    if (operands.length !== 1) throw new QueryFilterError(`Unary operator '!' expects exactly one operand`);
    const inner = compileLevel(operands[0], resolve, level + 1);
    return (item) => !inner(item);
  }
  if (op === '?') {
    if (operands.length !== 1) throw new QueryFilterError(`Unary operator '?' expects exactly one operand`);
    const get = field(resolve, operands[0]);
    return (item) => {
      const value = get(item);
      return !(value instanceof FieldStatus) && truthy(value);
    };
  }
  if (BINARY.has(op)) {
    if (operands.length !== 2) throw new QueryFilterError('Invalid binary operator, expected exactly two operands');
    const get = field(resolve, operands[0]);
    const expected = operands[1];
    if (op === '=~') {
      if (typeof expected !== 'string') throw new QueryFilterError(`Regular expression must be a string, got ${repr(expected)}`);
      let regex: RegExp;
      try {
        regex = new RegExp(expected);
      } catch (error) {
        throw new QueryFilterError(`Invalid regular expression '${expected}': ${(error as Error).message}`);
      }
      return (item) => {
        const value = get(item);
        return typeof value === 'string' && regex.test(value);
      };
    }
    return (item) => {
      const value = get(item);
      return !(value instanceof FieldStatus) && compare(op, value, expected);
    };
  }
  throw new QueryFilterError(`Unknown operator '${op}'`);
}
