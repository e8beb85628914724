export { runLoad, mergeLoadResults, type LoadOptions, type LoadResult } from './load-driver';
export { latencyStats, percentile, type LatencyStats } from './latency-stats';
export { startBareServer, type BareServer } from './bare-server';
export { formatBenchTable, type BenchRow } from './bench-row';
export { runRapiBasicsBench, GANETI_P50_NEW_CONNECTION_MS, type RapiBasicsOptions } from './rapi-basics-bench';
export { startBuiltServer, serverMain, residentMiB, type BuiltServer } from './built-server';
export { seedCluster, seededNodeName, seededInstanceName, seededInstanceRuns, seededMac, type ClusterSeedSpec, type ClusterSeedResult } from './cluster-seeder';
export { seedDataDir, type SeededDataDir } from './seeded-data-dir';
export { runStartupBench, STARTUP_SEED, STARTUP_BUDGET_MS } from './startup-bench';
export { runInstancesBulkBench, BULK_SIZES, BULK_PENDING_NOTE, BULK_10K_BUDGET_MS, bulkNodeCount } from './instances-bulk-bench';
export {
  runJobThroughput,
  jobThroughputRows,
  GANETI_JOBS_PER_SECOND,
  GANETI_SUBMIT_TO_SUCCESS_MS,
  JOBS_PER_SECOND_BUDGET,
  type JobThroughputOptions,
  type JobThroughputResult,
} from './job-throughput';
export { runWaitWakeupBench } from './wait-wakeup-bench';
export { wakeupLatencyMs, statusChangeMs, type JobChangeTimes, type WaitAnswer } from './wakeup-sample';
export { jsonCall, benchAgent, type JsonAnswer } from './json-call';
export { memoryTrend, formatMemoryTrend, MEMORY_SAMPLE_INTERVAL_MS, type MemoryTrend } from './memory-trend';
export { runReadLoadMemoryBench } from './read-load-memory-bench';
export { runBulkProjectionBench } from './bulk-projection-bench';
