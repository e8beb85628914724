import { parseDiskSize } from './parse-disk-size';

describe('parseDiskSize', () => {
  describe('when given MiB integers or unit strings', () => {
    it.each([
      [1024, 1024],
      [10, 12],
      ['10G', 10240],
      ['1gb', 1024],
      ['512M', 512],
      ['513m', 516],
      ['1.5g', 1536],
      ['2T', 2097152],
      ['100', 100],
    ])('reads %j as %d MiB (rounded up to 4 MiB)', (value, mib) => {
      expect(parseDiskSize(value, 0)).toBe(mib);
    });
  });

  describe('when the size is not one', () => {
    it.each(['10X', '', 'G', '-1', 0, -4, true, null])('refuses %j with wrong_input', (value) => {
      expect(() => parseDiskSize(value, 3)).toThrow(expect.objectContaining({ message: `Invalid disk size '${String(value)}' for disk 3`, classification: 'wrong_input' }));
    });
  });
});
