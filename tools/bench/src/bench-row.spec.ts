import { formatBenchTable } from './bench-row';

describe('formatBenchTable', () => {
  describe('when a row has figures and another is pending', () => {
    it('prints a Markdown table with dashes for missing figures', () => {
      const table = formatBenchTable([
        { benchmark: 'GET /version', target: 'corral', rps: 1000.4, p50: 1.234, p90: 2, p99: 3, errors: 0, note: '0.5x bare' },
        { benchmark: 'start-up', target: 'corral', note: 'pending' },
      ]);
      expect(table.split('\n')).toEqual([
        '| benchmark    | target | req/s | p50 ms | p90 ms | p99 ms | errors | ratio / note |',
        '|--------------|--------|-------|--------|--------|--------|--------|--------------|',
        '| GET /version | corral | 1000  | 1.23   | 2.00   | 3.00   | 0      | 0.5x bare    |',
        '| start-up     | corral | -     | -      | -      | -      | -      | pending      |',
      ]);
    });
  });
});
