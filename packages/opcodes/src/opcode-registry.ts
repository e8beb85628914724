import { GanetiError } from '@corral/model';
import { commonParams } from './common-params';
import type { OpcodeDefinition, OpInput } from './opcode-definition';
import { opcodeClassName } from './opcode-class-name';

/**
 * Every opcode the server knows, by `OP_*` id. It builds validated opcode
 * inputs (defaults filled in, Ganeti's validation messages) and their
 * summaries; the job queue looks definitions up here to run them.
 */
export class OpcodeRegistry {
  private readonly byId = new Map<string, OpcodeDefinition>();

  constructor(definitions: Iterable<OpcodeDefinition> = []) {
    for (const d of definitions) this.register(d);
  }

  register(definition: OpcodeDefinition): void {
    this.byId.set(definition.id, definition);
  }

  get(opId: string): OpcodeDefinition | undefined {
    return this.byId.get(opId);
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  /**
   * Builds the stored form of an opcode from submitted fields: Ganeti 3.0's
   * key order (common fields, `OP_ID`, then the opcode's own), defaults for
   * absent keys. Throws a `wrong_input` OpPrereqError for an unknown opcode,
   * unknown key, missing or ill-typed value, with Ganeti's texts.
   */
  build(opId: string, fields: Readonly<Record<string, unknown>>): OpInput {
    const definition = this.byId.get(opId);
    if (!definition) throw new GanetiError('OpCodeUnknown', `Unknown opcode ${opId}`);
    const known = new Set([...commonParams, ...definition.params].map((p) => p.name));
    for (const key of Object.keys(fields)) {
      if (key === 'OP_ID') continue;
      if (!known.has(key)) throw new GanetiError('OpPrereqError', `Object ${opcodeClassName(opId)} doesn't support the parameter '${key}'`);
    }
    const op: Record<string, unknown> = {};
    const fill = (params: typeof commonParams): void => {
      for (const p of params) {
        let value = Object.prototype.hasOwnProperty.call(fields, p.name) ? fields[p.name] : undefined;
        if (value === undefined) {
          if (!('default' in p)) throw GanetiError.prereq(`Parameter '${opId}.${p.name}' is missing`, 'wrong_input');
          value = typeof p.default === 'function' ? (p.default as () => unknown)() : structuredClone(p.default);
        } else if (!p.check(value)) {
          throw GanetiError.prereq(`Parameter '${opId}.${p.name}' fails validation`, 'wrong_input');
        }
        op[p.name] = value;
      }
    };
    fill(commonParams);
    op.OP_ID = opId;
    fill(definition.params);
    return op as OpInput;
  }

  /** `TAGS_SET`, `INSTANCE_REBOOT(inst1)`: the id without `OP_`, plus the key field's value. */
  summary(op: OpInput): string {
    const base = op.OP_ID.replace(/^OP_/, '');
    const field = this.byId.get(op.OP_ID)?.summaryField;
    const value = field === undefined ? undefined : op[field];
    return value === undefined || value === null ? base : `${base}(${String(value)})`;
  }
}

/** Opcode definitions contributed by packages (multi-bound); the registry collects them. */
export const OpcodeDefinitions: unique symbol = Symbol.for('@corral/opcodes/OpcodeDefinitions');
