import { inject, injectable } from 'inversify';
import type { Hypervisor } from './hypervisor';
import type { NodeRunner, NodeServices } from './node-runner';
import type { NodeLocation } from './node-location';
import type { OperatingSystem, OsDefinitionInfo } from './operating-system';
import { PluginError } from './plugin-error';
import { PluginRegistry } from './plugin-registry';
import type { Storage } from './storage';

/**
 * The in-process node runner of the embedded default: every node is local,
 * its plugins keep their state below the node's `node_dir` on this host.
 */
@injectable()
export class LocalNodeRunner implements NodeRunner {
  constructor(@inject(PluginRegistry) private readonly registry: PluginRegistry) {}

  on(node: NodeLocation): NodeServices {
    const registry = this.registry;
    return {
      node,
      hypervisor: (name: string): Hypervisor => registry.hypervisor(name).forNode(node),
      storage: (type: string): Storage => registry.storage(type).forNode(node),
      listOses: async (): Promise<OsDefinitionInfo[]> => {
        const lists = await Promise.all(registry.oses.map((p) => p.forNode(node).list()));
        return lists.flat().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      },
      os: async (name: string): Promise<OperatingSystem> => {
        const bare = name.split('+')[0];
        for (const provider of registry.oses) {
          const found = await provider.forNode(node).get(bare);
          if (found) return found;
        }
        throw new PluginError('os', `OS '${bare}' not found on node ${node.name}`, bare);
      },
    };
  }
}
