import type { ConfigChanges } from '@corral/store';

/**
 * What an opcode's execution produced: its result (the job's opresult) and
 * the configuration changes to commit atomically with the job's new status.
 */
export interface OpOutcome {
  readonly result: unknown;
  readonly changes?: ConfigChanges;
}
