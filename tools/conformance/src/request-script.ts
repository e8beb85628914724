import { readFileSync } from 'node:fs';

/** Which credentials a request carries; each target maps a role to its own user. */
export type AuthRole = 'none' | 'write' | 'read' | 'badpass';

/** How the server checks credentials while the request runs (ganeti-rapi's `--require-authentication`). */
export type AuthMode = 'require' | 'open';

/** One request of a script, described independently of the server it goes to. */
export interface ScriptRequest {
  /** A stable name used in reports (a sample file name for recorded samples). */
  readonly name: string;
  readonly method: string;
  /** Path and query, e.g. `/2/instances?bulk=1`. */
  readonly path: string;
  readonly auth: AuthRole;
  readonly authMode: AuthMode;
  /** Sent byte for byte. */
  readonly body?: string;
  /** Defaults to application/json when there is a body; null sends none. */
  readonly contentType?: string | null;
  /** `http` sends plain HTTP to the HTTPS port. */
  readonly scheme?: 'https' | 'http';
  /**
   * A `GET /2/jobs/N` sent again (every few milliseconds) until the job has
   * ended, like samples.sh's polling; the last answer is the response.
   */
  readonly waitForJob?: boolean;
  /**
   * The job id in the path (`/2/jobs/N...`) stands for the job the latest
   * job-submitting request of the script created on this target; it is
   * replaced by that target's id (a live cluster has its own history).
   */
  readonly jobOfPrevious?: boolean;
}

/** Credentials per role, as `user:password`. */
export type Credentials = Readonly<Record<Exclude<AuthRole, 'none'>, string>>;

/** The reference cluster's users (README of ../shared/reference/ganeti-3.0). */
export const REFERENCE_CREDENTIALS: Credentials = {
  write: 'rapiuser:secret',
  read: 'rapiro:rosecret',
  badpass: 'rapiuser:wrong',
};

/**
 * Reads a request script: a JSON array of requests (`name`, `method`, `path`,
 * optional `auth` (default `write`), `authMode` (default `require`), `body`
 * (a string, or any JSON value which is encoded), `contentType`, `scheme`,
 * `waitForJob`, `jobOfPrevious`).
 */
export function loadRequestScript(file: string): ScriptRequest[] {
  const items = JSON.parse(readFileSync(file, 'utf8')) as Array<Record<string, unknown>>;
  if (!Array.isArray(items)) throw new Error(`${file}: a request script is a JSON array`);
  return items.map((item, index) => {
    if (typeof item['method'] !== 'string' || typeof item['path'] !== 'string')
      throw new Error(`${file}: request ${index} needs a method and a path`);
    const body = item['body'];
    return {
      name: typeof item['name'] === 'string' ? item['name'] : `${index + 1}-${item['method']} ${item['path']}`,
      method: item['method'],
      path: item['path'],
      auth: (item['auth'] as AuthRole | undefined) ?? 'write',
      authMode: (item['authMode'] as AuthMode | undefined) ?? 'require',
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      contentType: item['contentType'] as string | null | undefined,
      scheme: item['scheme'] as 'https' | 'http' | undefined,
      waitForJob: item['waitForJob'] === true ? true : undefined,
      jobOfPrevious: item['jobOfPrevious'] === true ? true : undefined,
    };
  });
}
