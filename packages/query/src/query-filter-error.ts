/**
 * A query filter that cannot be compiled (malformed, unknown operator or
 * field, bad regular expression). The RAPI answers it with a 400.
 */
export class QueryFilterError extends Error {
  override readonly name = 'QueryFilterError';
}
