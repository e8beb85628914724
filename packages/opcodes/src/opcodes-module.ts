import { ContainerModule } from 'inversify';
import { NodeRunner, PluginRegistry } from '@corral/contracts';
import { builtinOpcodes } from './builtin-opcodes';
import { instanceOpcodes } from './instance-opcodes';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import type { OpcodeDefinition } from './opcode-definition';
import { OpcodeDefinitions, OpcodeRegistry } from './opcode-registry';
import { probeAddress } from './probe-address';
import { resolveHost } from './resolve-host';

/** Resolver for `name_check`; tests may rebind it. */
export const HostResolver: unique symbol = Symbol.for('@corral/opcodes/HostResolver');

/** The `ip_check` probe (Ganeti's TCP ping of the node daemon port); tests may rebind it. */
export const AddressProbe: unique symbol = Symbol.for('@corral/opcodes/AddressProbe');

/**
 * Binds the opcode registry: the built-in opcodes, the instance opcodes
 * (when a node runner is bound) plus every contributed definition.
 */
export const opcodesModule = new ContainerModule(({ bind }) => {
  bind<(name: string) => Promise<string>>(HostResolver).toConstantValue(resolveHost);
  bind<(ip: string) => Promise<boolean>>(AddressProbe).toConstantValue((ip) => probeAddress(ip));
  bind<OpcodeRegistry>(OpcodeRegistry)
    .toDynamicValue((ctx) => {
      const runner = ctx.get<NodeRunner>(NodeRunner, { optional: true });
      const instance: OpcodeDefinition[] = [];
      if (runner) {
        const deps: InstanceOpcodeDeps = { runner, plugins: ctx.get(PluginRegistry), resolveHost: (name) => ctx.get<(n: string) => Promise<string>>(HostResolver)(name),
          probeAddress: (ip) => ctx.get<(a: string) => Promise<boolean>>(AddressProbe)(ip),
        };
        instance.push(...instanceOpcodes(deps));
      }
      return new OpcodeRegistry([...builtinOpcodes, ...instance, ...ctx.getAll<OpcodeDefinition>(OpcodeDefinitions, { optional: true })]);
    })
    .inSingletonScope();
});
