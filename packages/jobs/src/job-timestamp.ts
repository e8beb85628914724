/** Ganeti's timestamp: `[seconds, microseconds]` integers. */
export type JobTimestamp = [number, number];

/** Splits epoch milliseconds (fractional allowed) into Ganeti's pair. */
export function toJobTimestamp(epochMs: number): JobTimestamp {
  const us = Math.round(epochMs * 1000);
  return [Math.floor(us / 1e6), us % 1e6];
}

/** Epoch nanoseconds of a timestamp, as reason-trail entries carry them. */
export function timestampNs(ts: JobTimestamp): number {
  return ts[0] * 1e9 + ts[1] * 1e3;
}
