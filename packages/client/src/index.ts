export { RapiClient } from './rapi-client';
export type { RapiClientOptions } from './rapi-client-options';
export { RapiError, RapiConnectionError } from './rapi-error';
export { RapiTransport, encodeQuery, type RapiCall, type QueryValue } from './rapi-transport';
export { waitForJob, streamJobLog, type WaitForJobOptions } from './wait-for-job';
export {
  FINALIZED_JOB_STATUSES,
  type JobId,
  type JobInfo,
  type JobStatus,
  type JobChange,
  type JobLogEntry,
  type JobTimestamp,
  type NodeRole,
  type QueryResult,
  type QueryResource,
  type SubmitOptions,
  type Params,
} from './rapi-types';
