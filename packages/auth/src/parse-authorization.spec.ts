import { parseAuthorization } from './parse-authorization';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

describe('parseAuthorization', () => {
  describe('when the header is Basic with a token', () => {
    it.each([
      [`Basic ${b64('jack:abc123')}`, 'jack', 'abc123'],
      [`basic ${b64('jack:abc123')}`, 'jack', 'abc123'],
      [`BASIC   ${b64('jack:abc123')}  `, 'jack', 'abc123'],
      [`Basic ${b64('jack:p:w@d!')}`, 'jack', 'p:w@d!'],
      [`Basic ${b64('jack:')}`, 'jack', ''],
      [`Basic ${b64(':pw')}`, '', 'pw'],
    ])('reads %p as user %p and password %p', (header, user, password) => {
      expect(parseAuthorization(header)).toEqual({ kind: 'basic', user, password });
    });
  });

  describe('when Basic has no token', () => {
    it.each(['Basic', 'basic   '])('reports %p as missing credentials', (header) => {
      expect(parseAuthorization(header)).toEqual({ kind: 'basic-without-credentials' });
    });
  });

  describe('when the header is unusable', () => {
    it.each([
      ['another scheme', `Digest username="jack"`],
      ['a bearer token', 'Bearer abc'],
      ['only spaces', '   '],
      ['bad base64', 'Basic !!!!'],
      ['missing padding', 'Basic YWJj'.slice(0, 9)],
      ['no colon', `Basic ${b64('jackabc123')}`],
      ['non-ASCII text', `Basic ${b64('jäck:abc')}`],
    ])('reports %s as invalid', (_label, header) => {
      expect(parseAuthorization(header)).toEqual({ kind: 'invalid' });
    });
  });
});
