const TOKEN = /"(?:[^"\\]|\\.)*"|[,:]/g;
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_GLOBAL = /[^\x00-\x7f]/g;

function escapeChar(ch: string): string {
  return '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
}

function respace(token: string): string {
  if (token.length === 1) return token + ' ';
  return NON_ASCII.test(token) ? token.replace(NON_ASCII_GLOBAL, escapeChar) : token;
}

/**
 * Encodes a value as Ganeti 3.0 does (Python's `json.dumps` defaults):
 * `", "` and `": "` separators, insertion order, non-ASCII as `\uXXXX`
 * escapes (surrogate pairs for astral characters), and one trailing newline.
 * Any JSON value is accepted at the top level; `undefined` encodes as `null`.
 */
export function encodeJson(value: unknown): string {
  const compact = JSON.stringify(value) ?? 'null';
  return compact.replace(TOKEN, respace) + '\n';
}

/** Same as {@link encodeJson}, as the bytes that go on the wire. */
export function encodeJsonBytes(value: unknown): Buffer {
  return Buffer.from(encodeJson(value), 'utf8');
}
