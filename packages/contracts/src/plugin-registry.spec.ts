import { Container, ContainerModule } from 'inversify';
import { contractsModule } from './contracts-module';
import { HypervisorProvider, type Hypervisor } from './hypervisor';
import { IallocatorProvider, type Iallocator } from './iallocator';
import { NodeRunner } from './node-runner';
import { PluginError } from './plugin-error';
import { PluginRegistry } from './plugin-registry';

function thrown(fn: () => unknown): PluginError {
  try {
    fn();
  } catch (error) {
    return error as PluginError;
  }
  throw new Error('expected a throw');
}

describe('PluginRegistry', () => {
  describe('when no plugin is loaded', () => {
    it('holds empty lists, never undefined', async () => {
      const container = new Container();
      await container.load(contractsModule);
      const registry = container.get(PluginRegistry);
      expect([registry.hypervisors, registry.storages, registry.oses, registry.iallocators, registry.iallocatorNames()]).toEqual([[], [], [], [], []]);
    });

    it('names what is missing with a typed error', async () => {
      const registry = new PluginRegistry([], [], [], []);
      const error = thrown(() => registry.hypervisor('kvm'));
      expect([PluginError.is(error), error.kind, error.message, error.plugin]).toEqual([true, 'unknown-plugin', "Hypervisor 'kvm' is not available", 'kvm']);
      expect(thrown(() => registry.storage('rbd')).message).toBe("Storage type 'rbd' is not available");
      expect(thrown(() => registry.iallocator('hail')).message).toBe("Can't find allocator 'hail'");
    });
  });

  describe('when plugins bind providers', () => {
    it('fills the registry and the node runner hands out each node its own hypervisor', async () => {
      const made: string[] = [];
      const plugin = new ContainerModule(({ bind }) => {
        bind(HypervisorProvider).toConstantValue({
          name: 'fake',
          forNode: (node: { name: string; node_dir: string }): Hypervisor => {
            made.push(`${node.name}:${node.node_dir}`);
            return { name: 'fake' } as Hypervisor;
          },
        });
        bind(IallocatorProvider).toConstantValue({ names: () => ['b', 'a'], get: (n: string) => (n === 'a' ? ({ name: 'a' } as Iallocator) : null) });
      });
      const container = new Container();
      await container.load(contractsModule, plugin);
      const runner = container.get<NodeRunner>(NodeRunner);
      expect(runner.on({ name: 'n1', node_dir: '/d/n1' }).hypervisor('fake').name).toBe('fake');
      runner.on({ name: 'n2', node_dir: '/d/n2' }).hypervisor('fake');
      expect(made).toEqual(['n1:/d/n1', 'n2:/d/n2']);
      const registry = container.get(PluginRegistry);
      expect([registry.iallocatorNames(), registry.iallocator('a').name]).toEqual([['a', 'b'], 'a']);
    });
  });
});
