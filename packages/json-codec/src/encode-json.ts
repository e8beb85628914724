const TOKEN = /"(?:[^"\\]|\\.)*"|[,:]|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/g;
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_GLOBAL = /[^\x00-\x7f]/g;

function escapeChar(ch: string): string {
  return '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
}

/**
 * A number as Python's `repr(float)` writes it where JavaScript differs:
 * exponents have at least two digits (`1e-07`), and magnitudes below 1e-4
 * use the exponent form (`1e-05`, where JavaScript writes `0.00001`).
 */
function pythonNumber(token: string): string {
  if (token.includes('e')) return token.replace(/e([+-]?)(\d)$/, (_m, sign: string, digit: string) => `e${sign || '+'}0${digit}`);
  if (!token.includes('.')) return token;
  const value = Number(token);
  return Math.abs(value) < 1e-4 ? pythonNumber(value.toExponential()) : token;
}

function respace(token: string): string {
  if (token === ',' || token === ':') return token + ' ';
  if (token[0] !== '"') return pythonNumber(token);
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
