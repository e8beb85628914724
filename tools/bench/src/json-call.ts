import { Agent, request } from 'node:https';

/** What a JSON call answered. */
export interface JsonAnswer {
  readonly status: number;
  readonly json: unknown;
}

/** One keep-alive agent for every benchmark client (self-signed loopback certificate). */
export const benchAgent = new Agent({ keepAlive: true, maxSockets: 256, rejectUnauthorized: false });

/** An HTTPS request with an optional JSON body over the shared keep-alive agent; parses the JSON answer. */
export function jsonCall(url: string, method: string, auth: string, body?: unknown): Promise<JsonAnswer> {
  return new Promise((done, fail) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      url,
      {
        method,
        agent: benchAgent,
        auth,
        headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          try {
            done({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null });
          } catch (error) {
            fail(error);
          }
        });
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}
