import { join } from 'node:path';
import type { ContainerModule } from 'inversify';
import type { Logger, ServerSettings } from '@corral/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startServer, type RunningServer } from '../start-server';

/** A server on a temp data dir and an ephemeral port; `stop` removes everything. */
export interface TestServer extends RunningServer {
  readonly dataDir: string;
  /** The generated write user as `user:password`. */
  readonly writeAuth: string;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

/** Log lines collected instead of printed. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(`INFO ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`WARN ${message}`);
  }
  error(message: string): void {
    this.lines.push(`ERROR ${message}`);
  }
}

/**
 * Starts the real server (real SQLite file, real TLS unless `ssl: false`)
 * on 127.0.0.1 and a free port, in a fresh temp data directory unless one
 * is given (to test restarts). `extraModules` load after the server's own
 * (e.g. to add test routes).
 */
export async function startTestServer(
  overrides: Partial<ServerSettings> = {},
  logger: Logger = new MemoryLogger(),
  extraModules: readonly ContainerModule[] = [],
): Promise<TestServer> {
  const temp = overrides.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'corral-server-'));
  const dataDir = overrides.dataDir ?? temp!;
  const pem = join(dataDir, 'rapi.pem');
  const settings: ServerSettings = {
    dataDir,
    bindAddress: '127.0.0.1',
    port: 0,
    ssl: true,
    sslKeyPath: pem,
    sslCertPath: pem,
    usersFile: join(dataDir, 'rapi', 'users'),
    requireAuthentication: false,
    pluginDirs: [],
    ...overrides,
  };
  const server = await startServer(settings, logger, extraModules);
  const creds = server.generatedCredentials;
  return {
    ...server,
    dataDir,
    writeAuth: creds ? `${creds.user}:${creds.password}` : '',
    stop: async () => {
      await server.close();
      if (temp) rmSync(temp, { recursive: true, force: true });
    },
  };
}
