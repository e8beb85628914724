import type { FilterRule } from '@corral/model';
import type { OpInput } from '@corral/opcodes';
import { compileFilter, FieldStatus, QueryFilterError } from '@corral/query';

/** What the scheduler needs of a job to match it against filter rules. */
export interface FilterableJob {
  readonly id: number;
  readonly ops: readonly OpInput[];
}

const REASON_FIELDS = ['source', 'reason', 'timestamp'];

/** Ganeti's rule order: increasing priority, then watermark, then uuid. */
export function orderFilterRules(rules: readonly FilterRule[]): FilterRule[] {
  return [...rules].sort((a, b) => a.priority - b.priority || a.watermark - b.watermark || (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0));
}

/** Replaces the value `"watermark"` in comparisons by the rule's watermark (the `jobid` predicate). */
function withWatermark(filter: unknown, watermark: number): unknown {
  if (!Array.isArray(filter)) return filter;
  if (filter.length === 3 && typeof filter[1] === 'string' && filter[2] === 'watermark') return [filter[0], filter[1], watermark];
  return filter.map((f, i) => (i === 0 ? f : withWatermark(f, watermark)));
}

/**
 * Whether one predicate holds for the job: `["jobid", f]` over the field
 * `id`, `["opcode", f]` over any opcode's fields (`OP_ID`, parameters),
 * `["reason", f]` over any reason trail entry (`source`, `reason`,
 * `timestamp`). Throws QueryFilterError for a malformed predicate.
 */
export function predicateHolds(predicate: unknown, job: FilterableJob, watermark: number): boolean {
  return compilePredicate(predicate, watermark)(job);
}

/** Compiles one predicate once, for evaluation against many jobs. */
function compilePredicate(predicate: unknown, watermark: number): (job: FilterableJob) => boolean {
  if (!Array.isArray(predicate) || predicate.length !== 2) throw new QueryFilterError(`Invalid predicate ${JSON.stringify(predicate)}`);
  const [name, filter] = predicate as [unknown, unknown];
  switch (name) {
    case 'jobid':
      return compileFilter<FilterableJob>(withWatermark(filter, watermark), (f) => (f === 'id' ? (j) => j.id : undefined));
    case 'opcode': {
      const matches = compileFilter<OpInput>(filter, (f) => (op) => (Object.prototype.hasOwnProperty.call(op, f) ? op[f] : FieldStatus.noData));
      return (job) => job.ops.some(matches);
    }
    case 'reason': {
      const matches = compileFilter<readonly unknown[]>(filter, (f) => {
        const index = REASON_FIELDS.indexOf(f);
        return index < 0 ? undefined : (entry) => entry[index];
      });
      return (job) => job.ops.some((op) => ((op.reason as readonly unknown[][] | undefined) ?? []).some(matches));
    }
    default:
      throw new QueryFilterError(`Unknown filter predicate '${String(name)}'`);
  }
}

/** A rule with its predicates compiled (a rule whose predicates do not compile matches nothing). */
export interface CompiledFilterRule {
  readonly rule: FilterRule;
  readonly matches: (job: FilterableJob) => boolean;
}

/** Orders the rules (Ganeti's order) and compiles their predicates once. */
export function compileFilterRules(rules: readonly FilterRule[]): CompiledFilterRule[] {
  return orderFilterRules(rules).map((rule) => {
    try {
      const predicates = rule.predicates.map((p) => compilePredicate(p, rule.watermark));
      return { rule, matches: (job: FilterableJob) => predicates.every((p) => p(job)) };
    } catch {
      return { rule, matches: () => false };
    }
  });
}

/** Checks that a rule's predicates compile; throws QueryFilterError with the reason. */
export function checkPredicates(predicates: readonly unknown[]): void {
  const probe: FilterableJob = { id: 0, ops: [] };
  for (const p of predicates) predicateHolds(p, probe, 0);
}

/**
 * The rule that decides a job: the first, in Ganeti's order, whose
 * predicates all hold and whose action is not CONTINUE. Undefined means
 * no rule applies (the job runs). A rule whose predicates cannot be
 * evaluated matches nothing.
 */
export function applyingFilterRule(rules: readonly CompiledFilterRule[], job: FilterableJob): FilterRule | undefined {
  return rules.find((r) => r.rule.action !== 'CONTINUE' && r.matches(job))?.rule;
}
