import { ContainerModule } from 'inversify';
import { builtinOpcodes } from './builtin-opcodes';
import type { OpcodeDefinition } from './opcode-definition';
import { OpcodeDefinitions, OpcodeRegistry } from './opcode-registry';

/** Binds the opcode registry: the built-in opcodes plus every contributed definition. */
export const opcodesModule = new ContainerModule(({ bind }) => {
  bind<OpcodeRegistry>(OpcodeRegistry)
    .toDynamicValue((ctx) => new OpcodeRegistry([...builtinOpcodes, ...ctx.getAll<OpcodeDefinition>(OpcodeDefinitions, { optional: true })]))
    .inSingletonScope();
});
