/**
 * One opcode parameter: its name, a validator (Ganeti's ht checks), and a
 * default. A parameter without a default is required.
 */
export interface ParamSpec {
  readonly name: string;
  readonly check: (value: unknown) => boolean;
  /** A default value or a factory of one (for fresh lists); absent means required. */
  readonly default?: unknown;
}

/** Ganeti's basic type checks, composable. */
export const ht = {
  bool: (v: unknown): boolean => typeof v === 'boolean',
  int: (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v),
  number: (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v),
  string: (v: unknown): boolean => typeof v === 'string',
  nonEmptyString: (v: unknown): boolean => typeof v === 'string' && v.length > 0,
  list: (v: unknown): boolean => Array.isArray(v),
  dict: (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v),
  listOf:
    (item: (v: unknown) => boolean) =>
    (v: unknown): boolean =>
      Array.isArray(v) && v.every(item),
  maybe:
    (inner: (v: unknown) => boolean) =>
    (v: unknown): boolean =>
      v === null || inner(v),
  oneOf:
    (...values: readonly unknown[]) =>
    (v: unknown): boolean =>
      values.includes(v),
  nonNegative: (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0,
};
