import type { ParamDict } from './cluster';

/** Ganeti 3.0's BeParams record (Haskell, src/Ganeti/Objects.hs): the order its config and queries give the keys. */
export const BEPARAMS_ORDER: readonly string[] = ['minmem', 'maxmem', 'vcpus', 'auto_balance', 'always_failover', 'spindle_use'];

/**
 * An instance's own backend parameters with the keys in the order real
 * Ganeti 3.0 shows them (`custom_beparams`, `be_instance`), since its
 * configuration is serialised from a record, not from the submitted dict.
 * Keys outside the record keep their order, after it.
 */
export function orderedBeparams(beparams: ParamDict): ParamDict {
  const out: Record<string, unknown> = {};
  for (const key of BEPARAMS_ORDER) if (key in beparams) out[key] = beparams[key];
  for (const [key, value] of Object.entries(beparams)) if (!(key in out)) out[key] = value;
  return out as ParamDict;
}
