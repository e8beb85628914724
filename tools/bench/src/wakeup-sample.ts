/** Ganeti's `[seconds, microseconds]` timestamp. */
type Timestamp = readonly [number, number];

/** The timestamps of a one-opcode job that date its status changes (GET /2/jobs/ID fields). */
export interface JobChangeTimes {
  readonly opstart: readonly (Timestamp | null)[];
  readonly opexec: readonly (Timestamp | null)[];
  readonly end_ts: Timestamp | null;
}

/** One answer of GET /2/jobs/ID/wait: the status it reported, when it was sent and when it arrived (epoch ms). */
export interface WaitAnswer {
  readonly status: string;
  readonly sentMs: number;
  readonly arrivedMs: number;
}

const ms = (ts: Timestamp | null | undefined): number | undefined => (ts ? ts[0] * 1000 + ts[1] / 1000 : undefined);

/** When the job entered `status` (epoch ms), from its own timestamps; undefined for a status with no timestamp. */
export function statusChangeMs(status: string, job: JobChangeTimes): number | undefined {
  switch (status) {
    case 'waiting':
      return ms(job.opstart[0]);
    case 'running':
      return ms(job.opexec[0]);
    case 'success':
    case 'error':
    case 'canceled':
      return ms(job.end_ts);
    default:
      return undefined;
  }
}

/**
 * The wake-up latency of one wait answer: from the change it reported (the
 * job's own timestamp of the new status) to the answer's arrival, in ms.
 * Undefined when the change happened before the wait was sent (the wait
 * answered at once, it never slept) or has no timestamp.
 */
export function wakeupLatencyMs(answer: WaitAnswer, job: JobChangeTimes): number | undefined {
  const changed = statusChangeMs(answer.status, job);
  if (changed === undefined || changed < answer.sentMs) return undefined;
  return answer.arrivedMs - changed;
}
