/**
 * Ganeti's ForceDictType for parameters read from an export's config.ini
 * (every value there is a string): a key whose default is a number, a
 * boolean or null gets its value converted (`"256"` -> 256, `"True"` ->
 * true, `"None"` -> null); other values, and values given by the request
 * (already typed), stay as they are.
 */
export function coerceExportedParams(params: Readonly<Record<string, unknown>>, defaults: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string') {
      out[key] = value;
      continue;
    }
    const model = defaults[key];
    if (value === 'None' && (model === null || model === undefined || typeof model !== 'string')) out[key] = null;
    else if (typeof model === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) out[key] = Number(value);
    else if (typeof model === 'boolean' && (value === 'True' || value === 'False')) out[key] = value === 'True';
    else out[key] = value;
  }
  return out;
}
