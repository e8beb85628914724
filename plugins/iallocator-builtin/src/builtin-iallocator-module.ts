import { ContainerModule } from 'inversify';
import { IallocatorProvider, type Iallocator } from '@corral/contracts';
import { BuiltinIallocator } from './builtin-iallocator';

/** Contributes the `builtin` allocator, the embedded default's. */
export const builtinIallocatorModule: ContainerModule = new ContainerModule(({ bind }) => {
  const builtin = new BuiltinIallocator();
  bind<IallocatorProvider>(IallocatorProvider).toConstantValue({
    names: (): string[] => ['builtin'],
    get: (name: string): Iallocator | null => (name === 'builtin' ? builtin : null),
  });
});
