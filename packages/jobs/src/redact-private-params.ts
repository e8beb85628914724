/** Opcode parameters whose values are secrets (Ganeti's Private/Secret parameter types). */
const PRIVATE_KEYS = new Set(['osparams_private', 'osparams_secret']);

/**
 * An opcode input as shown to clients: every value of a private parameter
 * dictionary becomes `<redacted>`, as Ganeti 3.0 serializes Private values,
 * at any depth (multi-allocation entries included). The stored job keeps the
 * real values for execution.
 */
export function redactPrivateParams(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactPrivateParams);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (PRIVATE_KEYS.has(key) && inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      out[key] = Object.fromEntries(Object.keys(inner).map((k) => [k, '<redacted>']));
    } else out[key] = redactPrivateParams(inner);
  }
  return out;
}
