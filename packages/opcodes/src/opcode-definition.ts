import type { ConfigSnapshot } from '@corral/store';
import type { LockRequest } from './lock-request';
import type { OpContext } from './op-context';
import type { OpOutcome } from './op-outcome';
import type { ParamSpec } from './param-spec';

/** An opcode as submitted and stored: `OP_ID` plus every parameter, defaults filled in. */
export type OpInput = Readonly<Record<string, unknown>> & { readonly OP_ID: string };

/**
 * The definition of one Ganeti opcode: its id, parameters, summary key, the
 * locks it needs, its prerequisite checks and its execution. Dry-run runs
 * `checkPrereq` under the locks and stops before `exec`.
 */
export interface OpcodeDefinition {
  readonly id: string;
  readonly params: readonly ParamSpec[];
  /** Parameter whose value appears in the summary, `INSTANCE_REBOOT(name)`. */
  readonly summaryField?: string;
  /**
   * True when the opcode acts on nodes (through the runner), not only on the
   * configuration: its `running` status is then made durable before `exec`,
   * so that a restart never runs it twice. Config-only opcodes commit their
   * changes atomically with their final status and need no such step.
   */
  readonly touchesNodes: boolean;
  /** The locks to hold for the whole opcode, from its parameters. */
  locks(op: OpInput, snapshot: ConfigSnapshot): LockRequest[];
  /**
   * Raises a classified GanetiError when the opcode cannot run. What it
   * returns (other than undefined) is the job's result in dry-run mode
   * (instance creation answers the chosen nodes).
   */
  checkPrereq(op: OpInput, ctx: OpContext): unknown;
  exec(op: OpInput, ctx: OpContext): Promise<OpOutcome>;
}
