import { Container, type ContainerModule } from 'inversify';
import { Logger, ServerSettings } from '@corral/contracts';
import { storeModule } from '@corral/store';
import { rapiModule } from '@corral/rapi';
import { authModule } from '@corral/auth';

/**
 * The composition root: one container built from every package's
 * ContainerModule, plus the settings and logger of this process.
 * `extraModules` load last (tests use them to add or replace bindings).
 */
export async function createContainer(settings: ServerSettings, logger: Logger, extraModules: readonly ContainerModule[] = []): Promise<Container> {
  const container = new Container();
  container.bind<ServerSettings>(ServerSettings).toConstantValue(settings);
  container.bind<Logger>(Logger).toConstantValue(logger);
  await container.load(storeModule, rapiModule, authModule);
  if (extraModules.length > 0) await container.load(...extraModules);
  return container;
}
