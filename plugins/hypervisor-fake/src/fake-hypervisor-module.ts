import { ContainerModule } from 'inversify';
import { HypervisorProvider, type Hypervisor, type NodeLocation } from '@corral/contracts';
import { FakeHypervisor } from './fake-hypervisor';

/** Contributes the `fake` hypervisor. */
export const fakeHypervisorModule: ContainerModule = new ContainerModule(({ bind }) => {
  bind<HypervisorProvider>(HypervisorProvider).toConstantValue({
    name: 'fake',
    forNode: (node: NodeLocation): Hypervisor => new FakeHypervisor(node),
  });
});
