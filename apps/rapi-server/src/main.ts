#!/usr/bin/env node
import 'reflect-metadata';
import { CliUsageError, parseCliOptions, USAGE } from './cli-options';
import { ConsoleLogger } from './console-logger';
import { ClusterExistsError } from './init-cluster';
import { INIT_USAGE, parseInitOptions, runInitCommand } from './init-command';
import { listPlugins } from './list-plugins';
import { resolveSettings } from './resolve-settings';
import { startServer } from './start-server';

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'init') {
    const init = parseInitOptions(argv.slice(1));
    if (init.help) {
      process.stdout.write(INIT_USAGE);
      return 0;
    }
    try {
      process.stdout.write(await runInitCommand(init, new ConsoleLogger()));
    } catch (error) {
      if (!(error instanceof ClusterExistsError)) throw error;
      process.stderr.write(`corral-rapi init: ${error.message}; refusing to initialise it again\n`);
      return 1;
    }
    return 0;
  }
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
      process.stderr.write(`corral-rapi: ${error.message}\n\n${process.argv[2] === 'init' ? INIT_USAGE : USAGE}`);
      process.exit(2);
    }
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      const { address, port } = error as { address?: string; port?: number };
      const why = code === 'EADDRINUSE' ? 'is already in use (is another server running? -p picks another port)' : code === 'EACCES' ? 'may not be bound by this user' : 'is not an address of this host';
      process.stderr.write(`corral-rapi: ${address ?? ''}:${port ?? ''} ${why}\n`);
      process.exit(1);
    }
    process.stderr.write(`corral-rapi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
