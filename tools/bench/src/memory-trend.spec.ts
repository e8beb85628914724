import { formatMemoryTrend, memoryTrend } from './memory-trend';

describe('memoryTrend', () => {
  describe('when there are enough samples', () => {
    it('takes the sample after one second, the one at half-time and the last', () => {
      expect(memoryTrend([80, 90, 100, 120, 110])).toEqual({ startMiB: 90, midMiB: 100, endMiB: 110, peakMiB: 120, secondHalfPercent: 10 });
    });
  });

  describe('when some samples could not be read', () => {
    it('ignores them', () => {
      expect(memoryTrend([80, NaN, 90, 100])?.midMiB).toBe(90);
    });
  });

  describe('when there are fewer than three valid samples', () => {
    it('gives undefined', () => {
      expect(memoryTrend([80, NaN, 90])).toBeUndefined();
    });
  });
});

describe('formatMemoryTrend', () => {
  describe('when memory shrank in the second half', () => {
    it('shows the signed change', () => {
      expect(formatMemoryTrend({ startMiB: 90, midMiB: 100, endMiB: 95, peakMiB: 101, secondHalfPercent: -5 }, 20)).toBe(
        'server RSS 90 MiB after 1 s, 100 at half-time, 95 at the end (second half -5%), peak 101, 20 samples',
      );
    });
  });
});
