import { formatExportConfig, parseExportConfig } from './export-config';

describe('export config.ini', () => {
  describe('when sections are written', () => {
    it('uses Python ConfigParser layout: [section], key = value, a blank line after each', () => {
      expect(formatExportConfig([['export', [['version', '0'], ['os', 'noop+default']]], ['os_private', []]])).toBe('[export]\nversion = 0\nos = noop+default\n\n[os_private]\n\n');
    });
  });

  describe('when a file is read back', () => {
    it('gives the sections and options, empty values and colons included', () => {
      const parsed = parseExportConfig('# comment\n[export]\nversion = 0\n\n[instance]\ntags = \nName: x\n');
      expect([...parsed.entries()].map(([s, o]) => [s, [...o.entries()]])).toEqual([
        ['export', [['version', '0']]],
        ['instance', [['tags', ''], ['name', 'x']]],
      ]);
    });
  });
});
