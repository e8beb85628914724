import { execFile } from 'node:child_process';

/** What one command printed and how it exited. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The seam between the LVM storage and the host: tests replay recorded
 * outputs through it, the plugin runs the real commands.
 */
export interface CommandRunner {
  run(command: string, args: readonly string[]): Promise<CommandResult>;
}

/** Runs commands for real (LVM's file-descriptor warnings suppressed). */
export class ExecCommandRunner implements CommandRunner {
  run(command: string, args: readonly string[]): Promise<CommandResult> {
    return new Promise((resolve) => {
      execFile(command, [...args], { encoding: 'utf8', env: { ...process.env, LVM_SUPPRESS_FD_WARNINGS: '1', LC_ALL: 'C' } }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0;
        resolve({ code, stdout, stderr: error && typeof error.code !== 'number' ? `${stderr}${error.message}` : stderr });
      });
    });
  }
}
