import { ContainerModule } from 'inversify';
import { NodeRunner, PluginRegistry } from '@corral/contracts';
import { builtinOpcodes } from './builtin-opcodes';
import { instanceOpcodes } from './instance-opcodes';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import type { OpcodeDefinition } from './opcode-definition';
import { OpcodeDefinitions, OpcodeRegistry } from './opcode-registry';
import { resolveHost } from './resolve-host';

/** Resolver for `name_check`; tests may rebind it. */
export const HostResolver: unique symbol = Symbol.for('@corral/opcodes/HostResolver');

/**
 * Binds the opcode registry: the built-in opcodes, the instance opcodes
 * (when a node runner is bound) plus every contributed definition.
 */
export const opcodesModule = new ContainerModule(({ bind }) => {
  bind<(name: string) => Promise<string>>(HostResolver).toConstantValue(resolveHost);
  bind<OpcodeRegistry>(OpcodeRegistry)
    .toDynamicValue((ctx) => {
      const runner = ctx.get<NodeRunner>(NodeRunner, { optional: true });
      const instance: OpcodeDefinition[] = [];
      if (runner) {
        const deps: InstanceOpcodeDeps = { runner, plugins: ctx.get(PluginRegistry), resolveHost: (name) => ctx.get<(n: string) => Promise<string>>(HostResolver)(name) };
        instance.push(...instanceOpcodes(deps));
      }
      return new OpcodeRegistry([...builtinOpcodes, ...instance, ...ctx.getAll<OpcodeDefinition>(OpcodeDefinitions, { optional: true })]);
    })
    .inSingletonScope();
});
