import { GanetiError } from '@corral/model';

/** One NIC or disk modification in Ganeti 3.0's form: `[action, index_or_name, params]`. */
export type ContainerMod = readonly [action: 'add' | 'remove' | 'modify' | 'attach' | 'detach', identifier: number | string, params: Record<string, unknown>];

const ACTIONS = ['add', 'remove', 'modify', 'attach', 'detach'];
const isDict = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Ganeti's TSetParamsMods: a list of all 2-tuples `[op, params]` or all 3-tuples `[action, id, params]`. */
export function isContainerModList(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  if (value.length === 0) return true;
  const width = Array.isArray(value[0]) ? (value[0] as unknown[]).length : 0;
  return value.every((m) => {
    if (!Array.isArray(m) || m.length !== width || !isDict(m[m.length - 1])) return false;
    if (width === 2) return (typeof m[0] === 'string' && ['add', 'remove', 'attach', 'detach'].includes(m[0])) || Number.isInteger(m[0]);
    if (width === 3) return ACTIONS.includes(m[0] as string) && (Number.isInteger(m[1]) || typeof m[1] === 'string');
    return false;
  });
}

/**
 * Ganeti's _UpgradeDiskNicMods: legacy `[op, params]` pairs become
 * `[op, -1, params]` for add/attach/remove/detach (at most one of those)
 * and `['modify', index, params]` otherwise; 3-tuples pass through.
 */
export function upgradeMods(kind: 'disk' | 'NIC', mods: readonly (readonly unknown[])[]): ContainerMod[] {
  if (mods.length === 0 || mods[0]!.length === 3) return mods as unknown as ContainerMod[];
  let addremove = 0;
  return mods.map(([op, params]) => {
    if (typeof op === 'string') {
      addremove += 1;
      if (addremove > 1) throw GanetiError.prereq(`Only one ${kind} add/attach/remove/detach operation is supported at a time`, 'wrong_input');
      return [op as ContainerMod[0], -1, params as Record<string, unknown>];
    }
    return ['modify', op as number, params as Record<string, unknown>];
  });
}

/** Ganeti's GetItemFromContainer: by index (-1 is the last), uuid or name. */
export function findInContainer<T extends { readonly uuid: string; readonly name: string | null }>(identifier: number | string, kind: string, container: readonly T[]): number {
  const asInt = typeof identifier === 'number' ? identifier : /^-?\d+$/.test(identifier) ? Number(identifier) : null;
  if (asInt !== null) {
    if (asInt === -1 && container.length > 0) return container.length - 1;
    if (asInt < 0) throw GanetiError.prereq('Not accepting negative indices other than -1', 'wrong_input');
    // Ganeti lets the IndexError through: the job fails with an unclassified OpExecError.
    if (asInt >= container.length) throw new GanetiError('OpExecError', `Got ${kind} index ${asInt}, but there are only ${container.length}`);
    return asInt;
  }
  const idx = container.findIndex((item) => item.uuid === identifier || item.name === identifier);
  if (idx < 0) throw GanetiError.prereq(`Cannot find ${kind} with identifier ${identifier}`, 'unknown_entity');
  return idx;
}
