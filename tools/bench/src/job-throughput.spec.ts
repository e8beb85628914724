import { jobThroughputRows, memoryTrend, type JobThroughputResult } from './job-throughput';

describe('memoryTrend', () => {
  describe('when there are enough samples', () => {
    it('compares the sample after one second with the last one', () => {
      expect(memoryTrend([80, 100, 120, 110])).toEqual({ startMiB: 100, endMiB: 110, peakMiB: 120, changePercent: 10 });
    });
  });

  describe('when there are fewer than three samples', () => {
    it('gives undefined', () => {
      expect(memoryTrend([80, NaN, 90])).toBeUndefined();
    });
  });
});

describe('jobThroughputRows', () => {
  const result: JobThroughputResult = { clients: 20, jobs: 2160, failed: 0, seconds: 20, jobsPerSecond: 108, p50: 34, p90: 50, p99: 80, rssSamplesMiB: [90, 100, 105] };

  describe('when the run sampled memory', () => {
    it('rates throughput and latency against Ganeti and adds the memory row', () => {
      expect(jobThroughputRows(result).map((r) => r.note)).toEqual([
        "2160 jobs, req/s = jobs/s: 100x Ganeti's 1.08 jobs/s; Ganeti submit->success 34 s = 1000x our p50",
        'server RSS 100 MiB after 1 s -> 105 MiB at the end (+5%), peak 105 MiB, 3 samples',
      ]);
    });
  });

  describe('when the server was not started by the run', () => {
    it('gives the throughput row only', () => {
      expect(jobThroughputRows({ ...result, rssSamplesMiB: [] }).length).toBe(1);
    });
  });
});
