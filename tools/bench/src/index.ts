export { runJobThroughput, type JobThroughputOptions, type JobThroughputResult } from './job-throughput';
export { percentile } from './percentile';
