import { FieldTable } from './field-table';
import { FieldStatus } from './result-status';
import { describeFields } from './describe-fields';
import { runQuery } from './run-query';

interface Row {
  readonly name: string;
  readonly free: number | null;
}

const table = FieldTable.fromGetters<Row>('network', {
  name: (r) => r.name,
  free_count: (r) => (r.free === null ? FieldStatus.noData : r.free),
});
const rows: Row[] = [
  { name: 'a', free: 3 },
  { name: 'b', free: null },
];

describe('FieldTable', () => {
  describe('when built from getters', () => {
    it("takes Ganeti's title, kind and doc for the resource", () => {
      expect(table.describe('free_count')).toEqual({ name: 'free_count', title: 'FreeCount', kind: 'number', doc: 'Number of available addresses' });
    });

    it('describes an unknown field as Ganeti does', () => {
      expect(table.describe('x')).toEqual({ name: 'x', title: 'x', kind: 'unknown', doc: "Unknown field 'x'" });
    });

    it('projects rows for bulk listings, a missing value as null', () => {
      expect(rows.map((r) => table.project(r, ['name', 'free_count']))).toEqual([
        { name: 'a', free_count: 3 },
        { name: 'b', free_count: null },
      ]);
    });

    it('projects in the order asked, an unknown name as null', () => {
      expect(JSON.stringify(table.project(rows[0]!, ['free_count', 'x', 'name']))).toBe('{"free_count":3,"x":null,"name":"a"}');
    });

    it('keeps a name such as __proto__ a plain key, never the prototype', () => {
      const row = table.project(rows[0]!, ['__proto__', 'name']);
      expect([Object.getPrototypeOf(row) === Object.prototype, Object.keys(row)]).toEqual([true, ['__proto__', 'name']]);
    });

    it('compiles a projection once per names array', () => {
      const names = ['name'];
      expect(table.projector(names)).toBe(table.projector(names));
    });
  });

  describe('when queried', () => {
    it('answers statuses per value: 0 normal, 1 unknown, 2 no data', () => {
      expect(runQuery(table, rows, ['name', 'free_count', 'x'], ['=~', 'name', '.']).data).toEqual([
        [[0, 'a'], [0, 3], [1, null]],
        [[0, 'b'], [2, null], [1, null]],
      ]);
    });

    it('lists all fields sorted by name for /fields', () => {
      expect(describeFields(table, null).fields.map((f) => f.name)).toEqual(['free_count', 'name']);
    });
  });
});
