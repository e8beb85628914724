import { formatUnit } from './format-unit';

describe('formatUnit', () => {
  it.each([
    [16, '16M'],
    [1023, '1023M'],
    [1024, '1.0G'],
    [1536, '1.5G'],
    [1048576, '1.0T'],
  ])('%d MiB is %s', (mib, text) => {
    expect(formatUnit(mib)).toBe(text);
  });
});
