import type { NodeRunner, PluginRegistry } from '@corral/contracts';

/**
 * What the instance opcodes need beyond their context: the node runner (all
 * node work), the plugin registry (allocators only) and a host-name resolver
 * for `name_check` (returns the IPv4 address; throws when the name does not resolve)
 * and the address probe of `ip_check` (true when the address is in use).
 */
export interface InstanceOpcodeDeps {
  readonly runner: NodeRunner;
  readonly plugins: PluginRegistry;
  readonly resolveHost: (name: string) => Promise<string>;
  readonly probeAddress: (ip: string) => Promise<boolean>;
}
