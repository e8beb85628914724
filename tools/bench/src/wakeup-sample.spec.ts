import { statusChangeMs, wakeupLatencyMs, type JobChangeTimes } from './wakeup-sample';

const job: JobChangeTimes = { opstart: [[100, 1000]], opexec: [[100, 5000]], end_ts: [100, 9500] };

describe('statusChangeMs', () => {
  describe('when the status has a timestamp', () => {
    it.each([
      ['waiting', 100_001],
      ['running', 100_005],
      ['success', 100_009.5],
      ['error', 100_009.5],
      ['canceled', 100_009.5],
    ])('dates %s at %p ms', (status, expected) => {
      expect(statusChangeMs(status, job)).toBe(expected);
    });
  });

  describe('when the status has none', () => {
    it('gives undefined for queued and for a missing timestamp', () => {
      expect([statusChangeMs('queued', job), statusChangeMs('success', { ...job, end_ts: null })]).toEqual([undefined, undefined]);
    });
  });
});

describe('wakeupLatencyMs', () => {
  describe('when the wait was sent before the change', () => {
    it('measures from the change to the arrival', () => {
      expect(wakeupLatencyMs({ status: 'running', sentMs: 100_002, arrivedMs: 100_007.25 }, job)).toBe(2.25);
    });
  });

  describe('when the change came before the wait was sent', () => {
    it('gives undefined: that wait never slept', () => {
      expect(wakeupLatencyMs({ status: 'success', sentMs: 100_010, arrivedMs: 100_011 }, job)).toBeUndefined();
    });
  });
});
