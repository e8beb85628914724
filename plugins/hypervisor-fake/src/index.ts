import { fakeHypervisorModule } from './fake-hypervisor-module';

export { FakeHypervisor } from './fake-hypervisor';
export { fakeHypervisorDir } from './fake-hypervisor-dir';
export { readHostNodeInfo } from './read-host-node-info';
export { fakeHypervisorModule };
export default fakeHypervisorModule;
