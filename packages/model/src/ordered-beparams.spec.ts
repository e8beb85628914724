import { orderedBeparams } from './ordered-beparams';

describe('orderedBeparams', () => {
  describe('when the keys come in submission order', () => {
    it("puts them in Ganeti's record order: minmem, maxmem, vcpus, auto_balance, always_failover, spindle_use", () => {
      const ordered = orderedBeparams({ spindle_use: 1, vcpus: 1, maxmem: 128, always_failover: false, minmem: 64, auto_balance: true });
      expect(Object.keys(ordered)).toEqual(['minmem', 'maxmem', 'vcpus', 'auto_balance', 'always_failover', 'spindle_use']);
    });
  });

  describe('when a key is outside the record', () => {
    it('keeps it after the known ones, with its value', () => {
      expect(Object.entries(orderedBeparams({ other: 'x', maxmem: 128 }))).toEqual([['maxmem', 128], ['other', 'x']]);
    });
  });
});
