export { JobQueue, encodeJobError } from './job-queue';
export { JobQueueOptions } from './job-queue-options';
export { LockManager } from './lock-manager';
export { deriveJobStatus, isFinalized, finalizedStatuses, type JobStatus } from './job-status';
export { toJobTimestamp, timestampNs, type JobTimestamp } from './job-timestamp';
export type { JobData, OpState, LogEntry } from './job-data';
export type { JobChange } from './job-change';
export { JOB_BULK_FIELDS, JOB_FIELDS, jobField } from './job-fields';
export { jobsModule } from './jobs-module';
