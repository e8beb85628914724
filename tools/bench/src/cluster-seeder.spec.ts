import { seededInstanceName, seededMac, seededNodeName } from './cluster-seeder';

describe('seeded names', () => {
  describe('when numbered', () => {
    it('pads node and instance numbers so that names sort in order', () => {
      expect([seededNodeName(7), seededInstanceName(42)]).toEqual(['bench-node007.corral.local', 'bench-inst00042.corral.local']);
    });
  });
});

describe('seededMac', () => {
  describe('when numbered', () => {
    it('spreads the number over the last three octets of a locally administered address', () => {
      expect([seededMac(0), seededMac(0x0a0b0c), seededMac(9999)]).toEqual(['aa:00:00:00:00:00', 'aa:00:00:0a:0b:0c', 'aa:00:00:00:27:0f']);
    });
  });
});
