import { encodeJson } from './encode-json';

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
});
