export { ServerSettings } from './server-settings';
export { Logger } from './logger';
export { Clock } from './clock';
export { PluginError, type PluginErrorKind } from './plugin-error';
export type { NodeLocation } from './node-location';
export {
  HypervisorProvider,
  type Hypervisor,
  type HypervisorInstanceSpec,
  type HypervisorNodeInfo,
  type InstanceConsole,
  type InstanceDiskSpec,
  type InstanceNicSpec,
  type InstanceRunState,
  type InstanceRuntimeInfo,
  type MigrationStatus,
  type ParamValues,
} from './hypervisor';
export { StorageProvider, type Storage, type StorageType, type StorageUnit, type StorageUnitChanges, type DiskRequest } from './storage';
export {
  OsProvider,
  type OperatingSystem,
  type OsDefinitionInfo,
  type OsInstanceSpec,
  type OsScriptResult,
  type OsSource,
} from './operating-system';
export {
  IallocatorProvider,
  type Iallocator,
  type IallocatorAllocateSpec,
  type IallocatorEvacuationResult,
  type IallocatorInput,
  type IallocatorInstance,
  type IallocatorIpolicy,
  type IallocatorMultiAllocateResult,
  type IallocatorNode,
  type IallocatorNodeGroup,
  type IallocatorRequest,
  type IallocatorRequestType,
  type IallocatorResponse,
  type IpolicySpec,
} from './iallocator';
export { PluginRegistry } from './plugin-registry';
export { NodeRunner, type NodeServices } from './node-runner';
export { LocalNodeRunner } from './local-node-runner';
export type { PluginKind, PluginManifest } from './plugin-manifest';
export { contractsModule } from './contracts-module';
export { pluginRejection } from './testing/plugin-rejection';
