import { encodeJson, encodeJsonBytes } from './encode-json';

/**
 * The straightforward definition of Python's json.dumps format, token by
 * token with a regex (slow on big listings, easy to trust): the one-pass
 * encoder must produce exactly the same text for any value.
 */
function referenceEncode(value: unknown): string {
  const python = (token: string): string => {
    if (token.includes('e')) return token.replace(/e([+-]?)(\d)$/, (_m, sign: string, digit: string) => `e${sign || '+'}0${digit}`);
    if (!token.includes('.')) return token;
    return Math.abs(Number(token)) < 1e-4 ? python(Number(token).toExponential()) : token;
  };
  return (
    (JSON.stringify(value) ?? 'null').replace(/"(?:[^"\\]|\\.)*"|[,:]|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/g, (t) => {
      if (t === ',' || t === ':') return t + ' ';
      if (t[0] !== '"') return python(t);
      return t.replace(/[^\x00-\x7f]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
    }) + '\n'
  );
}

const STRINGS = ['', 'a,b:c', 'quote " and \\ backslash', '\\",:', 'größe', '日本', '😀', '\u2028', 'tab\tnew\nline', '\ud800', '1e-05', '-0.00001'];
const NUMBERS = [0, -0, 1, -1, 1.5, 1e-5, -1e-7, 0.0001, 1e21, 1.7976931348623157e308, 123456789.123456, 1796312352.9215841, 5e-324];

function sample(seed: number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[(seed = (seed * 1103515245 + 12345) % 2147483648) % list.length]!;
  const kind = depth > 3 ? pick([0, 1, 2, 3]) : pick([0, 1, 2, 3, 4, 5]);
  if (kind === 0) return pick(STRINGS);
  if (kind === 1) return pick(NUMBERS);
  if (kind === 2) return pick([true, false, null]);
  if (kind === 3) return pick([[], {}]);
  if (kind === 4) return Array.from({ length: 1 + (seed % 4) }, (_, i) => sample(seed + i * 7919, depth + 1));
  return Object.fromEntries(Array.from({ length: 1 + (seed % 4) }, (_, i) => [pick(STRINGS) + i, sample(seed + i * 104729, depth + 1)]));
}

describe('encodeJson against the reference definition', () => {
  describe('when given many generated values with tricky strings and numbers', () => {
    it('produces exactly the reference text for each', () => {
      for (let seed = 1; seed <= 500; seed++) {
        const value = sample(seed, 0);
        expect(encodeJson(value)).toBe(referenceEncode(value));
      }
    });
  });

  describe('when asked for bytes', () => {
    it('gives the same text as ASCII bytes', () => {
      const value = { name: 'größe', list: [1e-5, 'a,b'], nested: { '😀': null } };
      const bytes = encodeJsonBytes(value);
      expect(bytes.toString('latin1')).toBe(referenceEncode(value));
      expect(bytes.every((b) => b < 128)).toBe(true);
    });
  });
});
