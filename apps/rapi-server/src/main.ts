#!/usr/bin/env node
import 'reflect-metadata';
import { CliUsageError, parseCliOptions, USAGE } from './cli-options';
import { ConsoleLogger } from './console-logger';
import { listPlugins } from './list-plugins';
import { resolveSettings } from './resolve-settings';
import { startServer } from './start-server';

async function main(argv: readonly string[]): Promise<number> {
  const cli = parseCliOptions(argv);
  if (cli.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (cli.listPlugins) {
    process.stdout.write(await listPlugins(resolveSettings(cli)));
    return 0;
  }
  const logger = new ConsoleLogger();
  const server = await startServer(resolveSettings(cli), logger);
  if (server.generatedCredentials) {
    const { user, password } = server.generatedCredentials;
    process.stdout.write(
      `\nCreated RAPI user '${user}' with password: ${password}\n` +
        `It is shown only this once; the users file ${server.settings.usersFile} keeps only its hash.\n\n`,
    );
  }
  const stop = (signal: string): void => {
    logger.info(`Received ${signal}, shutting down`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof CliUsageError) {
      process.stderr.write(`corral-rapi: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    process.stderr.write(`corral-rapi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
