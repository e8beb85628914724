import { UsageError } from './cli-error';

function typed(value: string): unknown {
  if (/^-?\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === 'yes') return true;
  if (value === 'false' || value === 'no') return false;
  return value;
}

/**
 * Parses gnt-style `key=value,key=value` option text: integers become
 * numbers, true/false/yes/no booleans, a bare `key` is true and `no_key`
 * false, as Ganeti's command line tools read them.
 */
export function parseKeyValues(text: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (text.trim() === '') return result;
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) {
      const key = part.trim();
      if (key === '') throw new UsageError(`Invalid key=value list '${text}'`);
      if (key.startsWith('no_')) result[key.slice(3)] = false;
      else result[key] = true;
    } else {
      const key = part.slice(0, eq).trim();
      if (key === '') throw new UsageError(`Invalid key=value list '${text}'`);
      result[key] = typed(part.slice(eq + 1));
    }
  }
  return result;
}

/** Reads an indexed spec such as `0:size=1G,mode=rw` (the index is optional). */
export function parseIndexedSpec(text: string): { index: number | undefined; params: Record<string, unknown> } {
  const match = /^(\d+):(.*)$/.exec(text);
  return match ? { index: Number(match[1]), params: parseKeyValues(match[2]) } : { index: undefined, params: parseKeyValues(text) };
}
