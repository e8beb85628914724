import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A request as a test wants to send it, byte for byte. */
export interface TestRequest {
  readonly method?: string;
  readonly headers?: Record<string, string | number>;
  /** A string or bytes sent as is, or any other value sent as JSON with the JSON content type. */
  readonly body?: string | Buffer | object | number | boolean | null;
  /** `user:password` for Basic authentication. */
  readonly auth?: string;
  readonly timeoutMs?: number;
}

/** What came back, with the raw body and its JSON decoding when it is JSON. */
export interface TestResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly raw: Buffer;
  readonly text: string;
  /** The parsed body, or undefined when it is not valid JSON. */
  readonly json: unknown;
}

/**
 * Sends one request over HTTP or HTTPS (self-signed certificates accepted)
 * on a fresh connection and collects the whole response.
 */
export function sendRequest(url: string, options: TestRequest = {}): Promise<TestResponse> {
  const target = new URL(url);
  const headers: Record<string, string | number> = { ...options.headers };
  let payload: Buffer | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === 'string' || Buffer.isBuffer(options.body)) payload = Buffer.from(options.body);
    else {
      payload = Buffer.from(JSON.stringify(options.body));
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
    }
    headers['Content-Length'] = payload.length;
  }
  if (options.auth !== undefined) headers['Authorization'] = 'Basic ' + Buffer.from(options.auth).toString('base64');
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        host: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'GET',
        headers,
        rejectUnauthorized: false,
        agent: false,
        timeout: options.timeoutMs ?? 20_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = raw.toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`Request to ${url} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}
