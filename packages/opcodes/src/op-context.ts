import type { ConfigSnapshot } from '@corral/store';

/**
 * What an opcode's logic sees while it runs: the configuration as of the
 * moment its locks were granted, a log feeding the job's oplog, the job's
 * cancellation signal and, later, the node runner through which node work is
 * done (opcodes never call plugins directly).
 */
export interface OpContext {
  readonly jobId: number;
  readonly snapshot: ConfigSnapshot;
  readonly dryRun: boolean;
  /** Appends an entry to the job's oplog (type `message` unless given). */
  feedback(message: string, type?: string): void;
  /** Aborted when the job is cancelled or the server stops. */
  readonly signal: AbortSignal;
  /** The node-runner seam (`runner.on(node)`), bound by the composition root when available. */
  readonly runner?: unknown;
}
