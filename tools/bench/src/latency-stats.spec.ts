import { latencyStats, percentile } from './latency-stats';

describe('percentile', () => {
  describe('when given sorted samples', () => {
    it('takes the nearest rank', () => {
      const sorted = Array.from({ length: 10 }, (_, i) => i + 1);
      expect([percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([5, 9, 10, 10]);
    });
  });
});

describe('latencyStats', () => {
  describe('when the samples are unsorted', () => {
    it('sorts a copy before ranking', () => {
      expect(latencyStats([3, 1, 2])).toEqual({ p50: 2, p90: 3, p99: 3, max: 3 });
    });
  });
});
