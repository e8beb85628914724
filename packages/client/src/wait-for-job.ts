import type { RapiClient } from './rapi-client';
import { RapiError } from './rapi-error';
import { FINALIZED_JOB_STATUSES, type JobId, type JobInfo, type JobLogEntry, type JobStatus } from './rapi-types';

/** How to follow a job. */
export interface WaitForJobOptions {
  /** Called once per new log entry, in serial order. */
  readonly onLog?: (entry: JobLogEntry) => void;
  /** Called whenever the job's status changes. */
  readonly onStatus?: (status: JobStatus) => void;
  /** Polling interval when `/wait` is unavailable (default 1 s). */
  readonly pollIntervalMs?: number;
  readonly signal?: AbortSignal;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/** `/wait` refusals that mean "use polling instead": no write right, or a server without it. */
function waitUnavailable(error: unknown): boolean {
  return error instanceof RapiError && [401, 403, 405, 501].includes(error.code);
}

/**
 * Follows a job until it is finalized and returns its full status. Uses
 * `GET /2/jobs/[id]/wait` (which needs the `write` option) and falls back to
 * polling `GET /2/jobs/[id]` when the server or the user cannot wait.
 */
export async function waitForJob(client: RapiClient, id: JobId, options: WaitForJobOptions = {}): Promise<JobInfo> {
  let lastSerial: number | null = null;
  let previous: unknown[] | null = null;
  let useWait = true;
  const emitLogs = (entries: readonly JobLogEntry[]): void => {
    for (const entry of entries) {
      if (lastSerial !== null && entry[0] <= lastSerial) continue;
      lastSerial = entry[0];
      options.onLog?.(entry);
    }
  };
  for (;;) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (useWait) {
      try {
        const change = await client.waitForJobChange(id, ['status'], previous, lastSerial);
        if (change) {
          emitLogs(change.log_entries);
          const status = change.job_info[0] as JobStatus;
          if (previous === null || previous[0] !== status) options.onStatus?.(status);
          previous = change.job_info;
          if (FINALIZED_JOB_STATUSES.includes(status)) return client.getJobStatus(id);
        }
        continue;
      } catch (error) {
        if (!waitUnavailable(error)) throw error;
        useWait = false;
      }
    }
    const info = await client.getJobStatus(id);
    emitLogs(info.oplog.flat());
    if (previous === null || previous[0] !== info.status) options.onStatus?.(info.status);
    previous = [info.status];
    if (FINALIZED_JOB_STATUSES.includes(info.status)) return info;
    await sleep(options.pollIntervalMs ?? 1000, options.signal);
  }
}

/**
 * The job's log entries as they arrive, ending when the job is finalized:
 * `for await (const [serial, ts, type, msg] of streamJobLog(client, id))`.
 */
export async function* streamJobLog(client: RapiClient, id: JobId, options: Omit<WaitForJobOptions, 'onLog'> = {}): AsyncGenerator<JobLogEntry, JobInfo> {
  const queue: JobLogEntry[] = [];
  let wake: (() => void) | undefined;
  let finished: { info?: JobInfo; error?: unknown } | undefined;
  void waitForJob(client, id, {
    ...options,
    onLog: (entry) => {
      queue.push(entry);
      wake?.();
    },
  }).then(
    (info) => ((finished = { info }), wake?.()),
    (error: unknown) => ((finished = { error }), wake?.()),
  );
  for (;;) {
    while (queue.length > 0) yield queue.shift()!;
    if (finished) {
      if (finished.error !== undefined) throw finished.error;
      return finished.info!;
    }
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
}
