import { GanetiError } from '@corral/model';

/**
 * Ganeti's GetUpdatedParams: the object's own parameters with the changes
 * applied; a value of `"default"` (or null) drops the key so that the
 * inherited value applies again.
 */
export function updatedParams(own: Readonly<Record<string, unknown>>, changes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...own };
  for (const [key, value] of Object.entries(changes)) {
    if (value === 'default' || value === null) delete result[key];
    else result[key] = value;
  }
  return result;
}

/** Ganeti's ForceDictType key check: every key must be a known parameter. */
export function checkParamKeys(changes: Readonly<Record<string, unknown>>, known: Readonly<Record<string, unknown>>): void {
  for (const key of Object.keys(changes)) {
    if (!Object.prototype.hasOwnProperty.call(known, key)) throw GanetiError.prereq(`Unknown parameter '${key}'`, 'wrong_input');
  }
}

/** The same check for two-level dictionaries (diskparams per template, hvparams per hypervisor). */
export function checkNestedParamKeys(changes: Readonly<Record<string, unknown>>, known: Readonly<Record<string, Record<string, unknown>>>, what: string): void {
  for (const [outer, inner] of Object.entries(changes)) {
    const defaults = known[outer];
    if (!defaults) throw GanetiError.prereq(`Invalid ${what} '${outer}'`, 'wrong_input');
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) throw GanetiError.prereq(`Invalid ${what} parameters for '${outer}'`, 'wrong_input');
    checkParamKeys(inner as Record<string, unknown>, defaults);
  }
}

/** Two-level update: each inner dictionary updated with {@link updatedParams}. */
export function updatedNestedParams(
  own: Readonly<Record<string, Record<string, unknown>>>,
  changes: Readonly<Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const result: Record<string, Record<string, unknown>> = { ...own };
  for (const [outer, inner] of Object.entries(changes)) result[outer] = updatedParams(own[outer] ?? {}, inner as Record<string, unknown>);
  return result;
}
