import { Container } from 'inversify';
import { Logger, ServerSettings } from '@corral/contracts';
import { storeModule } from '@corral/store';
import { rapiModule } from '@corral/rapi';
import { opcodesModule } from '@corral/opcodes';
import { jobsModule } from '@corral/jobs';

/**
 * The composition root: one container built from every package's
 * ContainerModule, plus the settings and logger of this process.
 */
export async function createContainer(settings: ServerSettings, logger: Logger): Promise<Container> {
  const container = new Container();
  container.bind<ServerSettings>(ServerSettings).toConstantValue(settings);
  container.bind<Logger>(Logger).toConstantValue(logger);
  await container.load(storeModule, opcodesModule, jobsModule, rapiModule);
  return container;
}
