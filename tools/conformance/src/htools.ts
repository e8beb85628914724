import { execFile } from 'node:child_process';

/** What one htools run printed and how it ended. */
export interface HtoolsRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The `-m` argument for a RAPI URL. htools adds `https://` and port 5080
 * only to a bare host; a `host:port` without a scheme is fetched over plain
 * HTTP, so an ephemeral-port server must be given with its scheme.
 */
export function htoolsMasterArgument(rapiUrl: string): string {
  return new URL(rapiUrl).origin;
}

/**
 * Runs one of Debian's ganeti-htools-3.0 programs (`hinfo`, `hspace`, `hbal`,
 * ...) with `-m` pointing at the server, plus any extra arguments. htools
 * sends no credentials and does not verify the certificate.
 */
export function runHtools(tool: string, rapiUrl: string, extraArgs: readonly string[] = [], timeoutMs = 60_000): Promise<HtoolsRun> {
  return new Promise((resolve) => {
    execFile(tool, ['-m', htoolsMasterArgument(rapiUrl), ...extraArgs], { timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ exitCode: code, stdout, stderr });
    });
  });
}
