import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RapiClientOptions } from './rapi-client-options';
import { RapiConnectionError, RapiError } from './rapi-error';

/** Query values; `undefined`/`null`/`false` entries are left out, arrays repeat the key. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** One request as the client methods describe it. */
export interface RapiCall {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  readonly path: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** Any JSON value; `undefined` sends no body. */
  readonly body?: unknown;
  readonly timeoutMs?: number;
}

/** Encodes query parameters as Ganeti expects: booleans as 1/0, repeated keys for lists. */
export function encodeQuery(query: Readonly<Record<string, QueryValue>> | undefined): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    const values = Array.isArray(value) ? value : [value === true ? 1 : value];
    for (const v of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/**
 * Sends RAPI requests over one keep-alive agent: JSON bodies, Basic auth,
 * certificate verification against `ca` unless `insecure`, timeouts, and
 * errors turned into {@link RapiError} / {@link RapiConnectionError}.
 */
export class RapiTransport {
  private readonly agent: HttpAgent;
  private readonly authorization: string | undefined;
  private readonly tls: boolean;

  constructor(private readonly options: RapiClientOptions) {
    this.tls = options.tls ?? true;
    this.agent = this.tls
      ? new HttpsAgent({ keepAlive: true, ca: options.ca, rejectUnauthorized: !options.insecure })
      : new HttpAgent({ keepAlive: true });
    this.authorization =
      options.username !== undefined
        ? 'Basic ' + Buffer.from(`${options.username}:${options.password ?? ''}`, 'utf8').toString('base64')
        : undefined;
  }

  /** The base URL, for messages. */
  get baseUrl(): string {
    return `${this.tls ? 'https' : 'http'}://${this.options.host}:${this.options.port ?? 5080}`;
  }

  async send<T = unknown>(call: RapiCall): Promise<T> {
    const payload = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body), 'utf8');
    const headers: Record<string, string | number> = {
      Accept: 'application/json',
      'User-Agent': this.options.userAgent ?? 'corral-client',
    };
    if (payload) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = payload.length;
    }
    if (this.authorization) headers['Authorization'] = this.authorization;
    const send = this.tls ? httpsRequest : httpRequest;
    const path = call.path + encodeQuery(call.query);
    const timeout = call.timeoutMs ?? this.options.timeoutMs ?? 60_000;
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = send(
        { host: this.options.host, port: this.options.port ?? 5080, method: call.method, path, headers, agent: this.agent, timeout },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (e) => reject(new RapiConnectionError(`${call.method} ${path}: ${e.message}`, e)));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`timed out after ${timeout} ms`)));
      req.on('error', (e) => reject(new RapiConnectionError(`${call.method} ${this.baseUrl}${path}: ${e.message}`, e)));
      req.end(payload);
    });
    if (status !== 200) throw RapiError.fromResponse(status, text);
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new RapiConnectionError(`${call.method} ${path}: the server sent invalid JSON`, error);
    }
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    this.agent.destroy();
  }
}
