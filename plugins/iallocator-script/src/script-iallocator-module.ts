import { ContainerModule } from 'inversify';
import { IallocatorProvider } from '@corral/contracts';
import { ScriptIallocatorProvider } from './script-iallocator-provider';

/** Contributes the external allocator scripts (hail and any other on Ganeti's search path). */
export const scriptIallocatorModule: ContainerModule = new ContainerModule(({ bind }) => {
  bind<IallocatorProvider>(IallocatorProvider).toConstantValue(new ScriptIallocatorProvider());
});
