import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CapturedResponse } from './captured-response';
import type { AuthRole, ScriptRequest } from './request-script';

/** The copy of the reference's samples kept in this package. */
export const BUNDLED_SAMPLES_DIR = join(__dirname, '..', 'samples', 'ganeti-3.0.2');

/** A recorded request and the response real Ganeti gave. */
export interface RecordedSample {
  readonly request: ScriptRequest;
  readonly response: CapturedResponse;
}

/** Parses a raw `curl -i` file; `curl rc=N` alone means the connection failed. */
export function parseCurlResponse(name: string, text: string): CapturedResponse {
  const failure = /^curl rc=(\d+)/m.exec(text);
  if (!text.startsWith('HTTP/')) return { name, status: 0, headers: [], body: '', error: failure ? `curl exit ${failure[1]}` : 'no response' };
  const split = text.indexOf('\r\n\r\n');
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + 4);
  const [statusLine, ...lines] = head.split('\r\n');
  const status = Number(statusLine!.split(' ')[1]);
  const headers = lines.map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const;
  });
  return { name, status, headers, body };
}

const AUTH_COLUMN: Record<string, AuthRole> = { '-': 'none', rapiuser: 'write', rapiro: 'read' };

/**
 * What INDEX.tsv does not record (samples.sh passes these as extra curl
 * arguments or credentials): wrong passwords, explicit content types, HEAD,
 * plain HTTP, that a `-jobN-` sample reads the job the request before it
 * submitted, and that samples.sh polled each job until it ended before
 * recording its `-final` answer. curl's `--data-binary` without `-H` sends the form content type.
 */
function completeRequest(name: string, request: ScriptRequest): ScriptRequest {
  let r = request;
  if (name.includes('badpass')) r = { ...r, auth: 'badpass' };
  if (name.includes('err-wrong-content-type')) r = { ...r, body: 'hello', contentType: 'text/plain' };
  if (name.includes('err-no-content-type')) r = { ...r, body: '{}', contentType: 'application/x-www-form-urlencoded' };
  if (/-job\d+-(poll-first|final)$/.test(name)) r = { ...r, jobOfPrevious: true };
  if (/-job\d+-final$/.test(name)) r = { ...r, waitForJob: true };
  if (r.path.startsWith('http://')) r = { ...r, path: r.path.replace(/^http:\/\/\.\.\./, ''), scheme: 'http' };
  return r;
}

/** Reads INDEX.tsv and every sample it lists, in order. */
export function loadRecordedSamples(dir: string = BUNDLED_SAMPLES_DIR): RecordedSample[] {
  const rows = readFileSync(join(dir, 'INDEX.tsv'), 'utf8').split('\n').slice(1).filter((line) => line.trim() !== '');
  return rows.map((line) => {
    const [file, method, path, auth, body] = line.split('\t') as [string, string, string, string, string | undefined];
    const name = file.replace(/\.txt$/, '');
    const request = completeRequest(name, {
      name,
      method,
      path,
      auth: AUTH_COLUMN[auth] ?? 'write',
      authMode: /^\d+-open-/.test(name) ? 'open' : 'require',
      body: body ? body : undefined,
    });
    return { request, response: parseCurlResponse(name, readFileSync(join(dir, file), 'utf8')) };
  });
}
