import 'reflect-metadata';
import type { Container } from 'inversify';
import { join } from 'node:path';
import { Logger, ServerSettings } from '@corral/contracts';
import { CORRAL_VERSION, GANETI_COMPAT_VERSION } from '@corral/model';
import { createHttpApp, startHttpServer, type Route, type RunningHttpServer } from '@corral/http';
import { RapiRoutes } from '@corral/rapi';
import { JobQueue } from '@corral/jobs';
import { ConfigStore, SqliteDatabase, type SqliteHandle } from '@corral/store';
import { ConsoleLogger } from './console-logger';
import { createContainer } from './create-container';
import { ensureEmbeddedCluster } from './embedded-cluster';
import { ensureTlsMaterial } from './tls-material';
import { ensureUsersFile } from './users-file-bootstrap';

/** A started server, for `main` and for tests that embed it. */
export interface RunningServer {
  readonly settings: ServerSettings;
  readonly container: Container;
  readonly http: RunningHttpServer;
  /** e.g. `https://127.0.0.1:5080` (the port actually bound). */
  readonly url: string;
  /** Set on the first start only: the generated user and password. */
  readonly generatedCredentials?: { user: string; password: string };
  close(): Promise<void>;
}

/**
 * Brings the server up on the given settings: opens the store, initialises
 * the embedded default cluster and users file if this is the first start,
 * loads or generates the TLS material, and listens.
 */
export async function startServer(settings: ServerSettings, logger: Logger = new ConsoleLogger()): Promise<RunningServer> {
  const container = await createContainer(settings, logger);
  const cluster = await ensureEmbeddedCluster(container.get<ConfigStore>(ConfigStore), settings.dataDir);
  if (cluster.created) logger.info(`Initialised cluster ${cluster.clusterName} with master node ${cluster.masterNode} in ${settings.dataDir}`);
  const generatedCredentials = ensureUsersFile(settings.usersFile);
  const jobs = container.get<JobQueue>(JobQueue);
  await jobs.start();

  const tls = settings.ssl
    ? await ensureTlsMaterial(settings.sslKeyPath, settings.sslCertPath, join(settings.dataDir, 'rapi.pem'))
    : undefined;
  const app = createHttpApp({
    routes: container.get<Route[]>(RapiRoutes),
    requireAuthentication: settings.requireAuthentication,
    serverHeader: `Corral/${CORRAL_VERSION} (Ganeti ${GANETI_COMPAT_VERSION})`,
    onUnexpectedError: (error, method, url) =>
      logger.error(`Unexpected error on ${method} ${url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const http = await startHttpServer(app.callback(), { host: settings.bindAddress, port: settings.port, tls });
  const host = http.host.includes(':') ? `[${http.host}]` : http.host;
  const url = `${settings.ssl ? 'https' : 'http'}://${host}:${http.port}`;
  logger.info(`Listening on ${url}`);
  return {
    settings,
    container,
    http,
    url,
    generatedCredentials,
    close: async () => {
      await http.close();
      await jobs.stop();
      container.get<SqliteHandle>(SqliteDatabase).close();
    },
  };
}
