import { injectable, multiInject, optional } from 'inversify';
import { HypervisorProvider } from './hypervisor';
import { Iallocator, IallocatorProvider } from './iallocator';
import { OsProvider } from './operating-system';
import { PluginError } from './plugin-error';
import { StorageProvider } from './storage';

/**
 * The extension points, filled from the plugins' bindings (empty lists when
 * none are loaded). Consumers ask it by name instead of calling `getAll`.
 */
@injectable()
export class PluginRegistry {
  readonly hypervisors: readonly HypervisorProvider[];
  readonly storages: readonly StorageProvider[];
  readonly oses: readonly OsProvider[];
  readonly iallocators: readonly IallocatorProvider[];

  constructor(
    @multiInject(HypervisorProvider) @optional() hypervisors: HypervisorProvider[] | undefined,
    @multiInject(StorageProvider) @optional() storages: StorageProvider[] | undefined,
    @multiInject(OsProvider) @optional() oses: OsProvider[] | undefined,
    @multiInject(IallocatorProvider) @optional() iallocators: IallocatorProvider[] | undefined,
  ) {
    this.hypervisors = hypervisors ?? [];
    this.storages = storages ?? [];
    this.oses = oses ?? [];
    this.iallocators = iallocators ?? [];
  }

  hypervisor(name: string): HypervisorProvider {
    const found = this.hypervisors.find((p) => p.name === name);
    if (!found) throw new PluginError('unknown-plugin', `Hypervisor '${name}' is not available`, name);
    return found;
  }

  storage(type: string): StorageProvider {
    const found = this.storages.find((p) => p.type === type);
    if (!found) throw new PluginError('unknown-plugin', `Storage type '${type}' is not available`, type);
    return found;
  }

  /** The allocator by name (Ganeti's "Can't find allocator '...'" otherwise). */
  iallocator(name: string): Iallocator {
    for (const provider of this.iallocators) {
      const found = provider.get(name);
      if (found) return found;
    }
    throw new PluginError('unknown-plugin', `Can't find allocator '${name}'`, name);
  }

  /** Names of the allocators known now (scripts found later by name are not listed). */
  iallocatorNames(): string[] {
    return [...new Set(this.iallocators.flatMap((p) => p.names()))].sort();
  }
}
