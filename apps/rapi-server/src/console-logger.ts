import type { Logger } from '@corral/contracts';

/** Logs one line per message to stderr, with an ISO timestamp and level. */
export class ConsoleLogger implements Logger {
  constructor(private readonly quiet = false) {}

  info(message: string): void {
    if (!this.quiet) process.stderr.write(`${new Date().toISOString()} INFO ${message}\n`);
  }

  warn(message: string): void {
    process.stderr.write(`${new Date().toISOString()} WARN ${message}\n`);
  }

  error(message: string): void {
    process.stderr.write(`${new Date().toISOString()} ERROR ${message}\n`);
  }
}
