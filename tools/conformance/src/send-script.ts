import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CapturedResponse } from './captured-response';
import type { Credentials, ScriptRequest } from './request-script';

function sendOne(baseUrl: string, req: ScriptRequest, credentials: Credentials, timeoutMs: number): Promise<CapturedResponse> {
  const base = new URL(baseUrl);
  const scheme = req.scheme ?? base.protocol.replace(':', '');
  const headers: Record<string, string | number> = {};
  const payload = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
  if (payload) {
    headers['Content-Length'] = payload.length;
    const type = req.contentType === undefined ? 'application/json' : req.contentType;
    if (type !== null) headers['Content-Type'] = type;
  }
  if (req.auth !== 'none') headers['Authorization'] = 'Basic ' + Buffer.from(credentials[req.auth]).toString('base64');
  const send = scheme === 'https' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const failed = (error: Error): void => resolve({ name: req.name, status: 0, headers: [], body: '', error: error.message });
    const r = send(
      {
        host: base.hostname.replace(/^\[|\]$/g, ''),
        port: base.port || 5080,
        path: req.path,
        method: req.method,
        headers,
        rejectUnauthorized: false,
        agent: false,
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        const pairs: Array<[string, string]> = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!.toLowerCase(), res.rawHeaders[i + 1]!]);
        if (req.method === 'HEAD') {
          // ganeti-rapi sends a body even after a HEAD response, which the
          // HTTP parser then rejects; the headers are all HEAD has to compare.
          resolve({ name: req.name, status: res.statusCode ?? 0, headers: pairs, body: '' });
          r.destroy();
          return;
        }
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ name: req.name, status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', failed);
      },
    );
    r.on('timeout', () => r.destroy(new Error('timed out')));
    r.on('error', failed);
    r.end(payload);
  });
}

const FINISHED = new Set(['success', 'error', 'canceled']);
const POLL_INTERVAL_MS = 25;

function jobEnded(response: CapturedResponse): boolean {
  if (response.status !== 200) return true;
  try {
    const status = (JSON.parse(response.body) as { status?: unknown }).status;
    return typeof status !== 'string' || FINISHED.has(status);
  } catch {
    return true;
  }
}

/** Sends `req` until the job it reads has ended (or `timeoutMs` passed); answers the last response. */
async function sendUntilJobEnds(baseUrl: string, req: ScriptRequest, credentials: Credentials, timeoutMs: number): Promise<CapturedResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await sendOne(baseUrl, req, credentials, timeoutMs);
    if (jobEnded(response) || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/**
 * Sends the requests one after another, each on a new connection (as curl
 * and Ganeti's clients do), and captures every response or connection error.
 * A `jobOfPrevious` request reads the job the latest submission returned.
 */
export async function sendScript(
  baseUrl: string,
  requests: readonly ScriptRequest[],
  credentials: Credentials,
  timeoutMs = 30_000,
): Promise<CapturedResponse[]> {
  const out: CapturedResponse[] = [];
  let lastJob: number | undefined;
  for (const original of requests) {
    const req = original.jobOfPrevious && lastJob !== undefined ? { ...original, path: original.path.replace(/^\/2\/jobs\/\d+/, `/2/jobs/${lastJob}`) } : original;
    const response = await (req.waitForJob ? sendUntilJobEnds : sendOne)(baseUrl, req, credentials, timeoutMs);
    if (response.status === 200 && !req.path.startsWith('/2/jobs') && /^\d+\n?$/.test(response.body)) lastJob = Number(response.body);
    out.push(response);
  }
  return out;
}
