import type { NodeRunner } from '@corral/contracts';
import type { ConfigSnapshot } from '@corral/store';

/**
 * What an opcode's logic sees while it runs: the configuration as of the
 * moment its locks were granted, a log feeding the job's oplog, the job's
 * cancellation signal and the node runner through which node work is done
 * (opcodes never call plugins directly).
 */
export interface OpContext {
  readonly jobId: number;
  readonly snapshot: ConfigSnapshot;
  readonly dryRun: boolean;
  /** Appends an entry to the job's oplog (type `message` unless given). */
  feedback(message: string, type?: string): void;
  /** Aborted when the job is cancelled or the server stops. */
  readonly signal: AbortSignal;
  /**
   * The node-runner seam (`runner.on(node)`), bound by the composition root
   * when available. New opcodes reach it through `nodeServicesOf(ctx, node)`
   * or `nodeRunnerOf(ctx)` (README, "Reaching the nodes").
   */
  readonly runner?: NodeRunner;
  /**
   * Submits follow-up jobs, as Ganeti's ResultWithJobs does (node evacuate
   * and migrate): each job is a list of opcode fields with `OP_ID`. Answers
   * per job `[true, job_id]`, or `[false, message]` when it could not be
   * submitted (unknown opcode, invalid parameters, full queue).
   */
  readonly submitJobs?: (jobs: readonly (readonly FollowUpOpcode[])[]) => Promise<[boolean, number | string][]>;
}

/** One opcode of a follow-up job: its fields, `OP_ID` included. */
export type FollowUpOpcode = Readonly<Record<string, unknown>> & { readonly OP_ID: string };
