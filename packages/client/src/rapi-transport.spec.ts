import { encodeQuery } from './rapi-transport';

describe('encodeQuery', () => {
  it('repeats list keys, writes booleans as 1 and drops false, null and undefined', () => {
    expect(encodeQuery({ tag: ['a b', 'p@h'], 'dry-run': true, force: false, reason: undefined, x: null })).toBe('?tag=a%20b&tag=p%40h&dry-run=1');
  });

  it('is empty when nothing is left', () => {
    expect(encodeQuery({ force: false })).toBe('');
    expect(encodeQuery(undefined)).toBe('');
  });
});
