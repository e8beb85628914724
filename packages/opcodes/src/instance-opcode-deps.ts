import type { NodeRunner, PluginRegistry } from '@corral/contracts';

/**
 * What the instance opcodes need beyond their context: the node runner (all
 * node work), the plugin registry (allocators only) and a host-name resolver
 * for `name_check` (returns the IPv4 address; throws when the name does not resolve).
 */
export interface InstanceOpcodeDeps {
  readonly runner: NodeRunner;
  readonly plugins: PluginRegistry;
  readonly resolveHost: (name: string) => Promise<string>;
}
