import { parseUsersFile } from './parse-users-file';

describe('parseUsersFile', () => {
  describe('when given the spec example', () => {
    const text = [
      '# Give Jack and Fred read-only access',
      'jack abc123',
      'fred {cleartext}foo555',
      '',
      '# Give write access to an imaginary instance creation script',
      'autocreator xyz789 write',
      '',
      '# Hashed password for Jessica',
      'jessica {HA1}7046452df2cbb530877058712cf17bd4 write',
    ].join('\n');

    it('loads every user with its password as written and its options', () => {
      const { users, problems } = parseUsersFile(text);
      expect(problems).toEqual([]);
      expect([...users.values()].map((u) => [u.name, u.password, [...u.options]])).toEqual([
        ['jack', 'abc123', []],
        ['fred', '{cleartext}foo555', []],
        ['autocreator', 'xyz789', ['write']],
        ['jessica', '{HA1}7046452df2cbb530877058712cf17bd4', ['write']],
      ]);
    });
  });

  describe('when lines have surrounding space, comments and blank lines', () => {
    it('strips lines and skips blank and #-lines only', () => {
      const { users } = parseUsersFile('   \n\t# c\n  alice  pw  write  \r\n#bob pw\n');
      expect([...users.keys()]).toEqual(['alice']);
      expect([...users.get('alice')!.options]).toEqual(['write']);
    });

    it('has no inline comments: a # after the password is an option', () => {
      const { users, problems } = parseUsersFile('alice pw #comment');
      expect([...users.get('alice')!.options]).toEqual(['#comment']);
      expect(problems).toEqual([{ line: 1, severity: 'warning', message: "unknown option '#comment' for user 'alice' (options are separated by commas)" }]);
    });
  });

  describe('when options are given', () => {
    it.each([
      ['read,write', ['read', 'write']],
      ['read, write', ['read', 'write']],
      ['write,', ['write']],
    ])('splits %p on commas and trims', (options, expected) => {
      expect([...parseUsersFile(`u p ${options}`).users.get('u')!.options]).toEqual(expected);
    });

    it('takes "read write" as one bogus option and warns', () => {
      const { users, problems } = parseUsersFile('u p read write');
      expect([...users.get('u')!.options]).toEqual(['read write']);
      expect(problems.map((p) => [p.line, p.severity])).toEqual([[1, 'warning']]);
    });
  });

  describe('when a user appears twice', () => {
    it('keeps the later line', () => {
      const { users } = parseUsersFile('u first write\nU other\nu second read');
      expect(users.get('u')!.password).toBe('second');
      expect([...users.get('u')!.options]).toEqual(['read']);
      expect(users.get('U')!.password).toBe('other');
    });
  });

  describe('when a line is bad', () => {
    it('reports a line with one field as an error with its number and skips it', () => {
      const { users, problems } = parseUsersFile('# header\nalice pw\nbob\n');
      expect([...users.keys()]).toEqual(['alice']);
      expect(problems).toEqual([{ line: 3, severity: 'error', message: 'expected "<user> <password> [options]", found only one field' }]);
    });

    it.each(['{}x', '{abc', '{MD5}abc'])('warns that password %p can never match', (password) => {
      const { users, problems } = parseUsersFile(`u ${password}`);
      expect(users.get('u')!.password).toBe(password);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: 1, severity: 'warning' });
      expect(problems[0].message).toContain('can never match');
    });
  });
});
