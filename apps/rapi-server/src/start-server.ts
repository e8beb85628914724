import 'reflect-metadata';
import type { Container, ContainerModule } from 'inversify';
import { join } from 'node:path';
import { Logger, NodeRunner, ServerSettings } from '@corral/contracts';
import { CORRAL_VERSION, GANETI_COMPAT_VERSION } from '@corral/model';
import { createHttpApp, startHttpServer, type Route, type RunningHttpServer } from '@corral/http';
import { RapiRoutes } from '@corral/rapi';
import { Authenticator } from '@corral/auth';
import { JobQueue } from '@corral/jobs';
import { ConfigStore, SqliteDatabase, type SqliteHandle } from '@corral/store';
import { ConsoleLogger } from './console-logger';
import { createContainer } from './create-container';
import { ensureEmbeddedCluster } from './embedded-cluster';
import { formatPluginReport, PluginReports } from './plugin-report';
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
 * starts following the users file (live reload), loads or generates the
 * TLS material, and listens.
 */
export async function startServer(
  settings: ServerSettings,
  logger: Logger = new ConsoleLogger(),
  extraModules: readonly ContainerModule[] = [],
): Promise<RunningServer> {
  const container = await createContainer(settings, logger, extraModules);
  const plugins = container.get<PluginReports>(PluginReports);
  logger.info(`Plugins found: ${plugins.length}`);
  for (const report of plugins) (report.status === 'loaded' ? logger.info : logger.warn).call(logger, `Plugin ${formatPluginReport(report)}`);
  const cluster = await ensureEmbeddedCluster(container.get<ConfigStore>(ConfigStore), settings.dataDir);
  if (cluster.created) logger.info(`Initialised cluster ${cluster.clusterName} with master node ${cluster.masterNode} in ${settings.dataDir}`);
  const generatedCredentials = ensureUsersFile(settings.usersFile);
  const authenticator = container.get<Authenticator>(Authenticator);
  const jobs = container.get<JobQueue>(JobQueue);
  // Opcodes reach the nodes' plugins only through the runner the queue hands them.
  jobs.runner = container.get<NodeRunner>(NodeRunner);
  await jobs.start();

  const tls = settings.ssl
    ? await ensureTlsMaterial(settings.sslKeyPath, settings.sslCertPath, join(settings.dataDir, 'rapi.pem'))
    : undefined;
  const serverHeader = `Corral/${CORRAL_VERSION} (Ganeti ${GANETI_COMPAT_VERSION})`;
  const app = createHttpApp({
    routes: container.get<Route[]>(RapiRoutes),
    auth: (query) => authenticator.authorise(query),
    requireAuthentication: settings.requireAuthentication,
    serverHeader,
    onUnexpectedError: (_error, method, url, line) => logger.error(`Unexpected error on ${method} ${url}: ${line}`),
  });
  authenticator.start();
  let http: RunningHttpServer;
  try {
    http = await startHttpServer(app.callback(), { host: settings.bindAddress, port: settings.port, tls, serverHeader });
  } catch (error) {
    authenticator.stop();
    throw error;
  }
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
      authenticator.stop();
      await http.close();
      await jobs.stop();
      container.get<SqliteHandle>(SqliteDatabase).close();
    },
  };
}
