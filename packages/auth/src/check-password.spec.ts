import { checkPassword, constantTimeEqual, ha1Hash } from './check-password';

describe('checkPassword', () => {
  describe('when the stored password is cleartext', () => {
    it.each([
      ['abc123', 'abc123', true],
      ['abc123', 'abc1234', false],
      ['abc123', 'ABC123', false],
      ['{CLEARTEXT}foo555', 'foo555', true],
      ['{cleartext}foo555', 'foo555', true],
      ['{ClearText}foo555', 'foo555', true],
      ['{CLEARTEXT}foo555', '{CLEARTEXT}foo555', false],
      ['{cleartext}', '', true],
    ])('stored %p, given %p: %p', (stored, given, expected) => {
      expect(checkPassword('jack', stored, given)).toBe(expected);
    });
  });

  describe('when the stored password is an HA1 hash', () => {
    it('hashes user:Ganeti Remote API:password as the spec example', () => {
      expect(ha1Hash('jack', 'abc123')).toBe('54c12257ee9be413f2f3182435514aae');
    });

    it.each([
      ['{HA1}54c12257ee9be413f2f3182435514aae', 'abc123', true],
      ['{ha1}54C12257EE9BE413F2F3182435514AAE', 'abc123', true],
      ['{Ha1}54c12257ee9be413f2f3182435514aae', 'abc124', false],
    ])('stored %p, given %p: %p', (stored, given, expected) => {
      expect(checkPassword('jack', stored, given)).toBe(expected);
    });

    it('binds the hash to the user name', () => {
      expect(checkPassword('jill', '{HA1}54c12257ee9be413f2f3182435514aae', 'abc123')).toBe(false);
    });
  });

  describe('when the scheme is unknown or malformed', () => {
    it.each([
      ['{}x', 'x'],
      ['{}x', '{}x'],
      ['{abc', '{abc'],
      ['{MD5}abc', 'abc'],
      ['{SSHA}abc', '{SSHA}abc'],
    ])('stored %p never matches %p', (stored, given) => {
      expect(checkPassword('jack', stored, given)).toBe(false);
    });
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['a', 'a', true],
    ['a', 'b', false],
    ['a', 'aa', false],
    ['', '', true],
  ])('%p vs %p: %p', (a, b, expected) => {
    expect(constantTimeEqual(a, b)).toBe(expected);
  });
});
