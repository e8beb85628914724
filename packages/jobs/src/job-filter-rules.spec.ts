import type { FilterAction, FilterRule } from '@corral/model';
import type { OpInput } from '@corral/opcodes';
import { applyingFilterRule, compileFilterRules, orderFilterRules, predicateHolds } from './job-filter-rules';

function rule(uuid: string, priority: number, predicates: unknown[], action: FilterAction, watermark = 0): FilterRule {
  return { uuid, priority, predicates, action, watermark, reason_trail: [], tags: [], serial_no: 1, ctime: 0, mtime: 0 };
}

const tagJob = { id: 7, ops: [{ OP_ID: 'OP_TAGS_SET', kind: 'cluster', tags: ['a'], reason: [['gnt:user', 'maintenance', 1]] } as unknown as OpInput] };

describe('job filter rules', () => {
  describe('when ordering', () => {
    it('sorts by priority, then watermark, then uuid', () => {
      const rules = [rule('b', 1, [], 'ACCEPT', 5), rule('c', 0, [], 'ACCEPT', 9), rule('a', 1, [], 'ACCEPT', 5), rule('d', 1, [], 'ACCEPT', 2)];
      expect(orderFilterRules(rules).map((r) => r.uuid)).toEqual(['c', 'd', 'a', 'b']);
    });
  });

  describe('when evaluating predicates', () => {
    it.each([
      [['jobid', ['>', 'id', 'watermark']], 6, true],
      [['jobid', ['>', 'id', 'watermark']], 7, false],
      [['jobid', ['=', 'id', 7]], 0, true],
      [['opcode', ['=', 'OP_ID', 'OP_TAGS_SET']], 0, true],
      [['opcode', ['=[]', 'tags', 'a']], 0, true],
      [['opcode', ['=', 'no_such_param', 1]], 0, false],
      [['reason', ['=', 'source', 'gnt:user']], 0, true],
      [['reason', ['=~', 'reason', '^maint']], 0, true],
      [['reason', ['=', 'reason', 'other']], 0, false],
    ])('%j with watermark %d holds: %s', (predicate, watermark, expected) => {
      expect(predicateHolds(predicate, tagJob, watermark)).toBe(expected);
    });
  });

  describe('when choosing the applying rule', () => {
    it('skips CONTINUE rules and rules whose predicates do not all hold', () => {
      const rules = compileFilterRules([
        rule('1', 0, [], 'CONTINUE'),
        rule('2', 1, [['opcode', ['=', 'OP_ID', 'OP_TAGS_SET']], ['jobid', ['<', 'id', 5]]], 'REJECT'),
        rule('3', 2, [['opcode', ['=', 'OP_ID', 'OP_TAGS_SET']]], ['RATE_LIMIT', 2]),
        rule('4', 3, [], 'PAUSE'),
      ]);
      expect(applyingFilterRule(rules, tagJob)?.uuid).toBe('3');
    });

    it('gives none when nothing matches', () => {
      expect(applyingFilterRule(compileFilterRules([rule('1', 0, [['jobid', ['=', 'id', 1]]], 'REJECT')]), tagJob)).toBeUndefined();
    });
  });
});
