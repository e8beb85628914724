import { ContainerModule } from 'inversify';
import { LocalNodeRunner } from './local-node-runner';
import { NodeRunner } from './node-runner';
import { PluginRegistry } from './plugin-registry';

/** Binds the plugin registry and the in-process node runner. */
export const contractsModule: ContainerModule = new ContainerModule(({ bind }) => {
  bind(PluginRegistry).toSelf().inSingletonScope();
  bind<NodeRunner>(NodeRunner).to(LocalNodeRunner).inSingletonScope();
});
