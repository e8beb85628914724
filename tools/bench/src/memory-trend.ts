/**
 * How a process's memory moved over a sustained load. V8 grows its heap
 * during the first seconds of a load, so flatness is judged on the second
 * half: half-time against the end.
 */
export interface MemoryTrend {
  /** The sample one second into the load (samples are 500 ms apart). */
  readonly startMiB: number;
  /** The sample at half-time. */
  readonly midMiB: number;
  readonly endMiB: number;
  readonly peakMiB: number;
  /** End against half-time, in percent. */
  readonly secondHalfPercent: number;
}

/** Interval of the memory samples the trend expects, in ms. */
export const MEMORY_SAMPLE_INTERVAL_MS = 500;

/** Memory after 1 s, at half-time, at the end and at its peak, from samples taken every 500 ms; undefined when fewer than three. */
export function memoryTrend(samples: readonly number[]): MemoryTrend | undefined {
  const valid = samples.filter((s) => !Number.isNaN(s));
  if (valid.length < 3) return undefined;
  const midMiB = valid[Math.floor((valid.length - 1) / 2)]!;
  const endMiB = valid[valid.length - 1]!;
  return { startMiB: valid[1]!, midMiB, endMiB, peakMiB: Math.max(...valid), secondHalfPercent: ((endMiB - midMiB) / midMiB) * 100 };
}

/** The trend as a table note. */
export function formatMemoryTrend(trend: MemoryTrend, samples: number): string {
  const sign = trend.secondHalfPercent >= 0 ? '+' : '';
  return (
    `server RSS ${trend.startMiB.toFixed(0)} MiB after 1 s, ${trend.midMiB.toFixed(0)} at half-time, ${trend.endMiB.toFixed(0)} at the end ` +
    `(second half ${sign}${trend.secondHalfPercent.toFixed(0)}%), peak ${trend.peakMiB.toFixed(0)}, ${samples} samples`
  );
}
