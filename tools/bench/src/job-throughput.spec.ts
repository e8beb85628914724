import { jobThroughputRows, type JobThroughputResult } from './job-throughput';

describe('jobThroughputRows', () => {
  const result: JobThroughputResult = { clients: 20, jobs: 2160, failed: 0, seconds: 20, jobsPerSecond: 108, p50: 34, p90: 50, p99: 80, rssSamplesMiB: [90, 100, 105] };

  describe('when the run sampled memory', () => {
    it('rates throughput and latency against Ganeti and adds the memory row', () => {
      expect(jobThroughputRows(result).map((r) => r.note)).toEqual([
        "2160 jobs, req/s = jobs/s: 100x Ganeti's 1.08 jobs/s; Ganeti submit->success 34 s = 1000x our p50; budget 500 jobs/s: NOT met",
        'server RSS 100 MiB after 1 s, 100 at half-time, 105 at the end (second half +5%), peak 105, 3 samples; 2.4 KiB per job run (the queue keeps finished jobs in memory)',
      ]);
    });
  });

  describe('when the server was not started by the run', () => {
    it('gives the throughput row only', () => {
      expect(jobThroughputRows({ ...result, rssSamplesMiB: [] }).length).toBe(1);
    });
  });
});
