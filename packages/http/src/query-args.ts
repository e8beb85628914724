import { HttpError } from './http-error';

/**
 * The query string as Ganeti reads it: form decoding (`+` is a space),
 * repeated keys kept in order, blank values dropped (`?bulk=` means absent),
 * unknown keys ignored by whoever does not ask for them.
 */
export class QueryArgs {
  private readonly values = new Map<string, string[]>();

  constructor(rawQuery: string) {
    for (const [key, value] of new URLSearchParams(rawQuery)) {
      if (value === '') continue;
      const list = this.values.get(key);
      if (list) list.push(value);
      else this.values.set(key, [value]);
    }
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** The first value, as Ganeti uses for string arguments. */
  get(name: string): string | undefined {
    return this.values.get(name)?.[0];
  }

  /** Every value of a repeated key (tags). */
  getAll(name: string): string[] {
    return [...(this.values.get(name) ?? [])];
  }

  /** Names present, in first-seen order. */
  keys(): string[] {
    return [...this.values.keys()];
  }

  /**
   * A boolean flag parsed like Python's `int()` on the first value: `1`, `2`,
   * `-1`, ` 1` are true, `0` false; `true`, `yes`, `1.0` are a 400. Absent
   * gives `fallback`.
   */
  flag(name: string, fallback = false): boolean {
    const raw = this.get(name);
    if (raw === undefined) return fallback;
    return parsePythonInt(raw, name) !== 0;
  }

  /** An integer argument parsed like Python's `int()`; absent gives undefined. */
  int(name: string): number | undefined {
    const raw = this.get(name);
    return raw === undefined ? undefined : parsePythonInt(raw, name);
  }
}

const PYTHON_INT = /^\s*[+-]?(?:\d(?:_?\d)*)\s*$/;

function parsePythonInt(raw: string, name: string): number {
  if (!PYTHON_INT.test(raw)) throw new HttpError(400, `Invalid value for the '${name}' parameter`);
  return Number(raw.replace(/_/g, '').trim());
}
