import { decideAccess } from './access-decision';
import { parseUsersFile } from './parse-users-file';

const users = parseUsersFile(
  ['writer {CLEARTEXT}w write', 'reader {HA1}' + '0'.repeat(32) + ' read', 'monitor m read', 'both b read,write', 'plain p'].join('\n'),
).users;
const basic = (creds: string): string => `Basic ${Buffer.from(creds).toString('base64')}`;

describe('decideAccess', () => {
  describe('when no Authorization header is sent', () => {
    it('lets an anonymous request through where the access list is empty', () => {
      expect(decideAccess(users, { authorization: undefined, access: [] })).toEqual({ allowed: true, user: null });
      expect(decideAccess(users, { authorization: '', access: [] })).toEqual({ allowed: true, user: null });
    });

    it('answers 401 where an option is needed', () => {
      expect(decideAccess(users, { authorization: undefined, access: ['write'] })).toEqual({ allowed: false, status: 401 });
      expect(decideAccess(users, { authorization: undefined, access: ['read', 'write'] })).toEqual({ allowed: false, status: 401 });
    });
  });

  describe('when credentials are sent', () => {
    it.each([
      ['writer:w', ['write'], { allowed: true, user: 'writer' }],
      ['writer:w', ['read', 'write'], { allowed: true, user: 'writer' }],
      ['writer:w', [], { allowed: true, user: 'writer' }],
      ['monitor:m', ['read', 'write'], { allowed: true, user: 'monitor' }],
      ['monitor:m', ['write'], { allowed: false, status: 403 }],
      ['both:b', ['write'], { allowed: true, user: 'both' }],
      ['plain:p', [], { allowed: true, user: 'plain' }],
      ['plain:p', ['read', 'write'], { allowed: false, status: 403 }],
    ])('%p needing %p gives %p', (creds, access, expected) => {
      expect(decideAccess(users, { authorization: basic(creds), access })).toEqual(expected);
    });

    it.each([
      ['a wrong password', 'writer:x'],
      ['an unknown user', 'nobody:w'],
      ['a user with a different case', 'Writer:w'],
      ['an HA1 user with a wrong password', 'reader:r'],
    ])('answers 401 for %s, even on an anonymous resource', (_label, creds) => {
      expect(decideAccess(users, { authorization: basic(creds), access: [] })).toEqual({ allowed: false, status: 401 });
    });

    it('answers 400 for Basic without credentials', () => {
      expect(decideAccess(users, { authorization: 'Basic', access: [] })).toEqual({
        allowed: false,
        status: 400,
        message: 'Basic authentication requires credentials',
      });
    });

    it('answers 401 for another scheme', () => {
      expect(decideAccess(users, { authorization: 'Digest username="writer"', access: [] })).toEqual({ allowed: false, status: 401 });
    });
  });

  describe('when the table is empty (no users file)', () => {
    it('authenticates nobody', () => {
      expect(decideAccess(new Map(), { authorization: basic('writer:w'), access: [] })).toEqual({ allowed: false, status: 401 });
    });
  });
});
