import { deriveJobStatus } from './job-status';
import { toJobTimestamp } from './job-timestamp';

describe('deriveJobStatus', () => {
  describe.each([
    [['success', 'success'], 'success'],
    [['success', 'error', 'error'], 'error'],
    [['canceling', 'canceling'], 'canceling'],
    [['success', 'canceled'], 'canceled'],
    [['success', 'running', 'queued'], 'running'],
    [['waiting', 'queued'], 'waiting'],
    [['success', 'queued'], 'queued'],
    [['queued'], 'queued'],
  ] as const)('when the opcodes are %j', (ops, expected) => {
    it(`is ${expected}`, () => {
      expect(deriveJobStatus(ops)).toBe(expected);
    });
  });
});

describe('toJobTimestamp', () => {
  describe('when given epoch milliseconds', () => {
    it('splits them into [seconds, microseconds]', () => {
      expect(toJobTimestamp(1796312398798.204)).toEqual([1796312398, 798204]);
    });
  });
});
