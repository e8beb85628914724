import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The interpreter Debian's python3-ganeti-rapi installs the client for. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** The driver script that runs client methods and prints their results as JSON. */
export const DRIVER_SCRIPT = join(__dirname, '..', 'python', 'rapi_client_driver.py');

/** One method call on `ganeti.rapi.client.GanetiRapiClient`. */
export interface ClientCall {
  readonly method: string;
  readonly args?: readonly unknown[];
  readonly kwargs?: Readonly<Record<string, unknown>>;
}

/** What one call gave: its return value, or the exception it raised. */
export type ClientResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: { readonly type: string; readonly code: number | null; readonly message: string } };

/** Where the client connects and as whom; `cafile` turns certificate verification on. */
export interface ClientTarget {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
  readonly cafile?: string;
}

/** Why the Python client cannot run here (a missing package), or undefined when it can. */
export function pythonClientUnavailable(): string | undefined {
  if (!existsSync(SYSTEM_PYTHON)) return `${SYSTEM_PYTHON} is missing`;
  if (!existsSync('/usr/lib/python3/dist-packages/ganeti/rapi/client.py'))
    return "Debian's python3-ganeti-rapi is not installed (run .ci/install-debian-packages)";
  return undefined;
}

/**
 * Runs the calls, in order, in one `/usr/bin/python3` process with Ganeti's
 * own client, and returns one result per call.
 */
export function runPythonClient(target: ClientTarget, calls: readonly ClientCall[], timeoutMs = 60_000): Promise<ClientResult[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(SYSTEM_PYTHON, [DRIVER_SCRIPT], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${DRIVER_SCRIPT} failed: ${error.message}\n${stderr}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout) as ClientResult[]);
      } catch {
        reject(new Error(`${DRIVER_SCRIPT} printed no JSON: ${stdout}\n${stderr}`));
      }
    });
    child.stdin?.end(JSON.stringify({ ...target, calls }));
  });
}
