import { HttpError } from './http-error';
import { QueryArgs } from './query-args';

describe('QueryArgs', () => {
  describe('when parsing', () => {
    it('keeps repeated keys in order and decodes + and %XX', () => {
      const q = new QueryArgs('tag=a&tag=x+y&tag=p%40host');
      expect(q.getAll('tag')).toEqual(['a', 'x y', 'p@host']);
      expect(q.get('tag')).toBe('a');
    });

    it('drops blank values, so ?bulk= and ?bulk mean absent', () => {
      expect(new QueryArgs('bulk=').has('bulk')).toBe(false);
      expect(new QueryArgs('bulk').has('bulk')).toBe(false);
    });
  });

  describe('when reading a flag', () => {
    it.each([
      ['bulk=1', true],
      ['bulk=0', false],
      ['bulk=2', true],
      ['bulk=-1', true],
      ['bulk=%201', true],
      ['', false],
    ])('reads %p as %p', (query, expected) => {
      expect(new QueryArgs(query).flag('bulk')).toBe(expected);
    });

    it.each(['bulk=true', 'bulk=yes', 'bulk=1.0', 'bulk=abc'])('refuses %p with a 400 naming the parameter', (query) => {
      const read = (): boolean => new QueryArgs(query).flag('bulk');
      expect(read).toThrow(HttpError);
      expect(read).toThrow("Invalid value for the 'bulk' parameter");
      try {
        read();
      } catch (error) {
        expect((error as HttpError).status).toBe(400);
      }
    });
  });
});
