import { compileFilter } from './compile-filter';
import { QueryFilterError } from './query-filter-error';
import { FieldStatus } from './result-status';

interface Item {
  readonly name: string;
  readonly size: number;
  readonly tags: string[];
  readonly up: boolean | FieldStatus;
}

const items: Item[] = [
  { name: 'a1', size: 1, tags: [], up: true },
  { name: 'b2', size: 2, tags: ['x'], up: false },
  { name: 'c3', size: 3, tags: ['x', 'y'], up: FieldStatus.offline },
];
const resolve = (name: string): ((i: Item) => unknown) | undefined =>
  ['name', 'size', 'tags', 'up'].includes(name) ? (i: Item) => i[name as keyof Item] : undefined;
const names = (filter: unknown): string[] => items.filter(compileFilter(filter, resolve)).map((i) => i.name);

describe('compileFilter', () => {
  describe('when the filter is null', () => {
    it('matches everything', () => expect(names(null)).toEqual(['a1', 'b2', 'c3']));
  });

  describe('when comparing', () => {
    it.each([
      [['=', 'name', 'b2'], ['b2']],
      [['==', 'size', 3], ['c3']],
      [['!=', 'name', 'b2'], ['a1', 'c3']],
      [['<', 'size', 2], ['a1']],
      [['>', 'size', 2], ['c3']],
      [['<=', 'size', 2], ['a1', 'b2']],
      [['>=', 'size', 2], ['b2', 'c3']],
      [['=~', 'name', '^[ab]'], ['a1', 'b2']],
      [['=[]', 'tags', 'y'], ['c3']],
      [['?', 'tags'], ['b2', 'c3']],
      [['?', 'up'], ['a1']],
      [['!', ['=', 'name', 'a1']], ['b2', 'c3']],
      [['&', ['>', 'size', 1], ['=~', 'name', '3$']], ['c3']],
      [['|', ['=', 'name', 'a1'], ['=', 'size', 3]], ['a1', 'c3']],
      [['=', 'up', false], ['b2']],
      [['<', 'name', 5], []],
    ])('%j selects %j', (filter, expected) => expect(names(filter)).toEqual(expected));
  });

  describe('when the filter is malformed', () => {
    it.each([
      ['abc', 'Cannot deserialise filter: expected array [string, args], got "abc"'],
      [[], 'Cannot deserialise filter: expected array [string, args], got []'],
      [['=', 'nosuch', 1], "Can't find field named 'nosuch'"],
      [['~', 'name', 1], "Unknown operator '~'"],
      [['=', 'name'], 'Invalid binary operator, expected exactly two operands'],
      [['!', ['?', 'name'], ['?', 'name']], "Unary operator '!' expects exactly one operand"],
      [['=~', 'name', '('], "Invalid regular expression '(': Invalid regular expression: /(/: Unterminated group"],
    ])('%j is refused with %s', (filter, message) => {
      expect(() => compileFilter(filter, resolve)).toThrow(new QueryFilterError(message));
    });
  });
});
