import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { latencyStats, type LatencyStats } from './latency-stats';

/** One bounded load run: how many requests, how many at once, over which connections. */
export interface LoadOptions {
  readonly url: string;
  /** Stop after this many requests... */
  readonly requests: number;
  /** ...or after this long, whichever comes first. */
  readonly maxDurationMs: number;
  readonly concurrency: number;
  /** true: reuse connections (keep-alive); false: a new connection (and TLS handshake) per request. */
  readonly keepAlive: boolean;
  /** `user:password` for Basic authentication. */
  readonly auth?: string;
}

/** What a load run measured. */
export interface LoadResult extends LatencyStats {
  readonly requests: number;
  /** Each successful request's latency in ms, in completion order. */
  readonly samples: readonly number[];
  readonly errors: number;
  readonly elapsedMs: number;
  readonly requestsPerSecond: number;
}

/**
 * Sends GET requests to `url` from `concurrency` loops until the request
 * count or the duration is reached, and measures each request from send to
 * the last body byte. Loopback only: refuses any host but 127.0.0.1/::1/localhost.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (!['127.0.0.1', '[::1]', 'localhost'].includes(target.hostname)) throw new Error(`The bench driver only targets loopback, not ${target.hostname}`);
  const tls = target.protocol === 'https:';
  const agent = options.keepAlive
    ? tls
      ? new HttpsAgent({ keepAlive: true, maxSockets: options.concurrency, rejectUnauthorized: false })
      : new HttpAgent({ keepAlive: true, maxSockets: options.concurrency })
    : false;
  const send = tls ? httpsRequest : httpRequest;
  const headers: Record<string, string> = options.auth ? { Authorization: 'Basic ' + Buffer.from(options.auth).toString('base64') } : {};
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const begin = performance.now();
  const deadline = begin + options.maxDurationMs;

  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const req = send(
        { host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'GET', headers, agent, rejectUnauthorized: false },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => {
            if (res.statusCode === 200) latencies.push(performance.now() - t0);
            else errors++;
            resolve();
          });
          res.on('error', () => {
            errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });

  const loop = async (): Promise<void> => {
    while (started < options.requests && performance.now() < deadline) {
      started++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  const elapsedMs = performance.now() - begin;
  if (agent) agent.destroy();
  return { requests: latencies.length, samples: latencies, errors, elapsedMs, requestsPerSecond: (latencies.length * 1000) / elapsedMs, ...latencyStats(latencies) };
}

/** Several runs against the same target as one: summed requests, errors and time, pooled latencies. */
export function mergeLoadResults(results: readonly LoadResult[]): LoadResult {
  const samples = results.flatMap((r) => r.samples);
  const elapsedMs = results.reduce((sum, r) => sum + r.elapsedMs, 0);
  const errors = results.reduce((sum, r) => sum + r.errors, 0);
  return { requests: samples.length, samples, errors, elapsedMs, requestsPerSecond: (samples.length * 1000) / elapsedMs, ...latencyStats(samples) };
}
