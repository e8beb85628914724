import { BULK_SIZES, bulkNodeCount } from './instances-bulk-bench';

describe('bulkNodeCount', () => {
  describe('for the benchmark sizes', () => {
    it('gives one node per 50 instances, 200 nodes for 10,000', () => {
      expect(BULK_SIZES.map(bulkNodeCount)).toEqual([2, 20, 200]);
    });
  });

  describe('for clusters beyond 10,000 or below 50 instances', () => {
    it('caps at 200 nodes and keeps at least one', () => {
      expect([bulkNodeCount(50_000), bulkNodeCount(10), bulkNodeCount(0)]).toEqual([200, 1, 1]);
    });
  });
});
