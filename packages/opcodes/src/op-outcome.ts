import type { ConfigChanges } from '@corral/store';

/**
 * What an opcode's execution produced: its result (the job's opresult) and
 * the configuration changes to commit atomically with the job's new status.
 */
export interface OpOutcome {
  readonly result: unknown;
  readonly changes?: ConfigChanges;
  /**
   * Jobs to submit after a successful execution (Ganeti's ResultWithJobs):
   * each a list of opcode field dicts with `OP_ID`. The queue submits them and
   * the result becomes `{"jobs": [[true, id] | [false, message], ...], ...result}`.
   */
  readonly jobs?: readonly (readonly Readonly<Record<string, unknown>>[])[];
}
