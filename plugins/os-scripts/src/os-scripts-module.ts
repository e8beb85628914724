import { ContainerModule } from 'inversify';
import { OsProvider, type NodeLocation, type OsSource } from '@corral/contracts';
import { BuiltinOsSource } from './noop-operating-system';
import { osSearchPath } from './os-search-path';
import { ScriptOsSource } from './script-os-source';

/** Contributes Ganeti OS definitions from the node's search path (`scripts`) and the built-in `noop` OS (`builtin`). */
export const osScriptsModule: ContainerModule = new ContainerModule(({ bind }) => {
  bind<OsProvider>(OsProvider).toConstantValue({ name: 'scripts', forNode: (node: NodeLocation): OsSource => new ScriptOsSource(osSearchPath(node.node_dir)) });
  bind<OsProvider>(OsProvider).toConstantValue({ name: 'builtin', forNode: (): OsSource => new BuiltinOsSource() });
});
