import { formatTable, selectColumns, type Column } from './format-table';

type Row = { name: string; up: boolean; mem: number | null; tags: string[] };
const columns: Column<Row>[] = [
  { name: 'name', header: 'Name', get: (r) => r.name },
  { name: 'up', header: 'Up', get: (r) => r.up },
  { name: 'mem', header: 'Mem', get: (r) => r.mem },
  { name: 'tags', header: 'Tags', get: (r) => r.tags },
];
const rows: Row[] = [
  { name: 'inst1.example.com', up: true, mem: 128, tags: ['a', 'b'] },
  { name: 'i2', up: false, mem: null, tags: [] },
];

describe('formatTable', () => {
  it('aligns columns under a header, with Y/N, - for null and comma lists', () => {
    expect(formatTable(rows, columns)).toBe(
      'Name              Up Mem Tags\n' + 'inst1.example.com Y  128 a,b\n' + 'i2                N  -\n',
    );
  });

  it('joins with a separator and can drop the header', () => {
    expect(formatTable(rows, columns, { separator: '|', header: false })).toBe('inst1.example.com|Y|128|a,b\ni2|N|-|\n');
  });
});

describe('selectColumns', () => {
  it('picks the named columns in the order given', () => {
    expect(selectColumns(columns, ['mem', 'name'], ['name']).map((c) => c.name)).toEqual(['mem', 'name']);
  });

  it('names the known fields when one is unknown', () => {
    expect(() => selectColumns(columns, ['bogus'], ['name'])).toThrow("Unknown field 'bogus'; known fields: name, up, mem, tags");
  });
});
