/**
 * Wall-clock time as the server sees it, in milliseconds since the epoch.
 * A seam so that tests and benchmarks can control time.
 */
export interface Clock {
  now(): number;
}

export const Clock: unique symbol = Symbol.for('@corral/contracts/Clock');
