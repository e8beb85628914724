import type { ConfigObject } from './config-object';

/** What a job filter rule does to the jobs it matches (Ganeti's FilterAction). */
export type FilterAction = 'ACCEPT' | 'PAUSE' | 'REJECT' | 'CONTINUE' | readonly ['RATE_LIMIT', number];

/**
 * A job filter rule (Ganeti 3.0's `gnt-filter`): the scheduler consults the
 * rules, in order of priority, watermark and uuid, before running a queued
 * job. `watermark` is the highest job id when the rule was added; the
 * `jobid` predicate can refer to it as the value `"watermark"`.
 */
export interface FilterRule extends ConfigObject {
  readonly watermark: number;
  readonly priority: number;
  readonly predicates: readonly unknown[];
  readonly action: FilterAction;
  readonly reason_trail: readonly unknown[];
}
