import { waitForJob, type JobId, type JobInfo, type JobLogEntry, type RapiClient } from '@corral/client';
import { ExitCode } from '../cli-error';

/** Where the CLI writes; a seam so tests can capture output. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when stderr is a terminal: the live status line is redrawn in place. */
  readonly interactive: boolean;
}

function logTime(entry: JobLogEntry): string {
  const [sec] = entry[1];
  return new Date(sec * 1000).toISOString().slice(11, 19);
}

function logText(entry: JobLogEntry): string {
  const message = entry[3];
  return typeof message === 'string' ? message : JSON.stringify(message);
}

/** The human text of a failed opcode's result (`[ErrorName, [message, classification]]`). */
export function describeFailure(info: JobInfo): string {
  const index = info.opstatus.findIndex((s) => s === 'error' || s === 'canceled');
  const result = index >= 0 ? info.opresult[index] : undefined;
  if (typeof result === 'string') return result;
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[1])) {
    const [name, args] = result as [string, unknown[]];
    const [message, classification] = args;
    return `${name}: ${String(message)}${classification ? ` (${String(classification)})` : ''}`;
  }
  return JSON.stringify(result ?? null);
}

/**
 * Follows a submitted job with a live display — log lines as they arrive and
 * the status with the elapsed time — and returns the exit code matching its
 * outcome (0 success, 1 error or canceled), plus the final job for printing.
 */
export async function followJob(client: RapiClient, id: JobId, io: CliIo): Promise<{ code: number; info: JobInfo }> {
  const started = Date.now();
  let status = 'queued';
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const redraw = (): void => {
    if (io.interactive) io.err(`\r\x1b[KJob ${id}: ${status} (${elapsed()})`);
  };
  const timer = io.interactive ? setInterval(redraw, 200) : undefined;
  try {
    const info = await waitForJob(client, id, {
      onLog: (entry) => {
        if (io.interactive) io.err('\r\x1b[K');
        io.err(`${logTime(entry)} ${logText(entry)}\n`);
        redraw();
      },
      onStatus: (s) => {
        status = s;
        redraw();
      },
    });
    if (io.interactive) io.err('\r\x1b[K');
    io.err(`Job ${id} ${info.status} after ${elapsed()}\n`);
    if (info.status === 'success') return { code: ExitCode.ok, info };
    io.err(`Failure: ${describeFailure(info)}\n`);
    return { code: ExitCode.failed, info };
  } finally {
    if (timer) clearInterval(timer);
  }
}
