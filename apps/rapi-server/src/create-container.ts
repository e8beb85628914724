import { resolve } from 'node:path';
import { Container, type ContainerModule } from 'inversify';
import { contractsModule, Logger, ServerSettings } from '@corral/contracts';
import { storeModule } from '@corral/store';
import { rapiModule } from '@corral/rapi';
import { authModule } from '@corral/auth';
import { opcodesModule } from '@corral/opcodes';
import { jobsModule } from '@corral/jobs';
import { discoverPlugins } from './discover-plugins';
import { loadPlugins } from './load-plugins';
import { PluginReports } from './plugin-report';

/** The server package's directory, whose dependencies are searched for plugins. */
const SERVER_PACKAGE_DIR = resolve(__dirname, '..');

/**
 * The composition root: one container built from every package's
 * ContainerModule, plus the settings and logger of this process, the plugin
 * registry and node runner, and the discovered plugins (their reports are
 * bound as PluginReports). `extraModules` load last (tests use them to add
 * or replace bindings).
 */
export async function createContainer(settings: ServerSettings, logger: Logger, extraModules: readonly ContainerModule[] = []): Promise<Container> {
  const container = new Container();
  container.bind<ServerSettings>(ServerSettings).toConstantValue(settings);
  container.bind<Logger>(Logger).toConstantValue(logger);
  await container.load(storeModule, opcodesModule, jobsModule, rapiModule, authModule, contractsModule);
  const reports = await loadPlugins(container, discoverPlugins(SERVER_PACKAGE_DIR, settings.pluginDirs));
  container.bind<PluginReports>(PluginReports).toConstantValue(reports);
  if (extraModules.length > 0) await container.load(...extraModules);
  return container;
}
