import { encodeJson, encodeJsonBytes } from './encode-json';

describe('encodeJson', () => {
  describe('when given top-level scalars', () => {
    it.each([
      [2, '2\n'],
      ['master-candidate', '"master-candidate"\n'],
      [null, 'null\n'],
      [undefined, 'null\n'],
      [true, 'true\n'],
      [1.5, '1.5\n'],
    ])('encodes %p as %p', (value, expected) => {
      expect(encodeJson(value)).toBe(expected);
    });
  });

  describe('when given containers', () => {
    it('uses Python separators and keeps insertion order', () => {
      expect(encodeJson({ b: [1, 2], a: { c: null } })).toBe('{"b": [1, 2], "a": {"c": null}}\n');
    });

    it('leaves commas and colons inside strings alone', () => {
      expect(encodeJson({ 'a:b': 'x, y: "z"' })).toBe('{"a:b": "x, y: \\"z\\""}\n');
    });
  });

  describe('when strings hold non-ASCII text', () => {
    it('escapes BMP characters as \\uXXXX', () => {
      expect(encodeJson(['é', 'ü€'])).toBe('["\\u00e9", "\\u00fc\\u20ac"]\n');
    });

    it('escapes astral characters as surrogate pairs', () => {
      expect(encodeJson('😀')).toBe('"\\ud83d\\ude00"\n');
    });

    it('produces pure ASCII output that decodes to the same value', () => {
      const value = { tag: 'größe', list: ['日本'] };
      const out = encodeJson(value);
      expect(/^[\x00-\x7f]*$/.test(out)).toBe(true);
      expect(JSON.parse(out)).toEqual(value);
    });
  });

  describe('when given numbers', () => {
    it.each([
      [0, '0\n'],
      [-7, '-7\n'],
      [1710000000.123456, '1710000000.123456\n'],
      [0.5, '0.5\n'],
      [0.0001, '0.0001\n'],
      [0.00001, '1e-05\n'],
      [-0.000015, '-1.5e-05\n'],
      [1e-7, '1e-07\n'],
      [1.5e-300, '1.5e-300\n'],
      [1e21, '1e+21\n'],
      [NaN, 'null\n'],
    ])('writes %p as Python does: %p', (value, expected) => {
      expect(encodeJson(value)).toBe(expected);
    });

    it('leaves digits inside strings alone', () => {
      expect(encodeJson({ 'e-7': '0.00001, 1e-7' })).toBe('{"e-7": "0.00001, 1e-7"}\n');
    });
  });

  describe('when strings hold control characters and quotes', () => {
    it('escapes them as Python does', () => {
      expect(encodeJson('a\n\t"\\\u0001\u2028/')).toBe('"a\\n\\t\\"\\\\\\u0001\\u2028/"\n');
    });
  });

  describe('when asked for bytes', () => {
    it('returns the ASCII encoding, whose length is the Content-Length', () => {
      const bytes = encodeJsonBytes({ tag: 'größe' });
      expect(bytes.toString('latin1')).toBe('{"tag": "gr\\u00f6\\u00dfe"}\n');
      expect(bytes.length).toBe(27);
    });
  });
});
