import { decodeJson, JsonDecodeError } from './decode-json';

const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('decodeJson', () => {
  describe('when the body is valid', () => {
    it.each([
      ['', null],
      ['"master-candidate"', 'master-candidate'],
      ['["a", "b"]', ['a', 'b']],
      ['{"__version__": 1}', { __version__: 1 }],
      ['4533', 4533],
      ['null', null],
    ])('decodes %p', (text, expected) => {
      expect(decodeJson(bytes(text))).toEqual(expected);
    });
  });

  describe('when the body is not JSON', () => {
    it.each([
      ['truncated', bytes('{"__version__": 1, "name":')],
      ['whitespace only', bytes('  \n ')],
      ['invalid UTF-8', Buffer.from([0x22, 0xff, 0xfe, 0x22])],
      ['bare word', bytes('master')],
    ])('raises "Unable to parse JSON data" for %s', (_label, body) => {
      expect(() => decodeJson(body)).toThrow(JsonDecodeError);
      expect(() => decodeJson(body)).toThrow('Unable to parse JSON data');
    });
  });

  describe('when the body carries a UTF-8 byte order mark', () => {
    it('ignores it', () => {
      expect(decodeJson(Buffer.from([0xef, 0xbb, 0xbf, 0x31]))).toBe(1);
    });
  });

  describe('when the body holds non-ASCII text', () => {
    it('decodes UTF-8 and \\u escapes alike', () => {
      expect(decodeJson(bytes('["größe", "gr\\u00f6\\u00dfe"]'))).toEqual(['größe', 'größe']);
    });
  });
});
