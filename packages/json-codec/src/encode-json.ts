import { EncodedJson } from './encoded-json';

const NON_ASCII = /[^\x00-\x7f]/;
const HEX = '0123456789abcdef';

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

/**
 * Rewrites V8's compact JSON text into Python's `json.dumps` bytes in one
 * pass over its characters: a space after every `,` and `:` outside
 * strings, non-ASCII characters of strings as `\uXXXX` (UTF-16 units, so
 * astral characters become surrogate pairs), numbers in Python's float
 * notation. The result is pure ASCII. (A regex with a callback per token
 * was four times slower on a 10 MB listing.)
 */
function pythonJsonBytes(s: string): Buffer {
  const n = s.length;
  // Worst cases: every character a separator gaining a space (2x), or a non-ASCII one escaped (6x).
  const buf = Buffer.allocUnsafe((NON_ASCII.test(s) ? 6 * n : 2 * n) + 64);
  let p = 0;
  let inString = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (inString) {
      if (c < 128) {
        buf[p++] = c;
        if (c === 92) buf[p++] = s.charCodeAt(++i);
        else if (c === 34) inString = false;
      } else {
        buf[p++] = 92;
        buf[p++] = 117;
        buf[p++] = HEX.charCodeAt(c >> 12);
        buf[p++] = HEX.charCodeAt((c >> 8) & 15);
        buf[p++] = HEX.charCodeAt((c >> 4) & 15);
        buf[p++] = HEX.charCodeAt(c & 15);
      }
    } else if (c === 34) {
      buf[p++] = c;
      inString = true;
    } else if (c === 44 || c === 58) {
      buf[p++] = c;
      buf[p++] = 32;
    } else if ((c >= 48 && c <= 57) || c === 45) {
      let j = i + 1;
      let plain = true;
      for (; j < n; j++) {
        const d = s.charCodeAt(j);
        if (d >= 48 && d <= 57) continue;
        if (d === 46 || d === 101 || d === 69 || d === 43 || d === 45) {
          plain = false;
          continue;
        }
        break;
      }
      const token = plain ? s : pythonNumber(s.slice(i, j));
      const [from, to] = plain ? [i, j] : [0, token.length];
      for (let k = from; k < to; k++) buf[p++] = token.charCodeAt(k);
      i = j - 1;
    } else {
      buf[p++] = c;
    }
  }
  buf[p++] = 10;
  return buf.subarray(0, p);
}

/**
 * Encodes a value as Ganeti 3.0 does (Python's `json.dumps` defaults), as
 * the bytes that go on the wire: `", "` and `": "` separators, insertion
 * order, non-ASCII as `\uXXXX` escapes, Python's float notation, and one
 * trailing newline. Any JSON value is accepted at the top level;
 * `undefined` encodes as `null`; an {@link EncodedJson} is passed through.
 */
export function encodeJsonBytes(value: unknown): Buffer {
  if (value instanceof EncodedJson) return value.bytes;
  return pythonJsonBytes(JSON.stringify(value) ?? 'null');
}

/** Same as {@link encodeJsonBytes}, as a string (the bytes are ASCII). */
export function encodeJson(value: unknown): string {
  return encodeJsonBytes(value).toString('latin1');
}
