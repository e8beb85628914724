export { runLoad, mergeLoadResults, type LoadOptions, type LoadResult } from './load-driver';
export { latencyStats, percentile, type LatencyStats } from './latency-stats';
export { startBareServer, type BareServer } from './bare-server';
export { formatBenchTable, type BenchRow } from './bench-row';
export { runRapiBasicsBench, GANETI_P50_NEW_CONNECTION_MS, type RapiBasicsOptions } from './rapi-basics-bench';
export { pendingBenchRows } from './pending-benches';
export { runStartupBench, residentMiB } from './startup-bench';
export { runInstancesBulkBench, BULK_SIZES, type InstanceSeeder } from './instances-bulk-bench';
export { runJobThroughput, type JobThroughputOptions, type JobThroughputResult } from './job-throughput';
