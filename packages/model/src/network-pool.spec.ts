import { AddressPool } from './network-pool';

function pool(): AddressPool {
  return new AddressPool({ network: '10.0.0.0/29', gateway: '10.0.0.1', ...AddressPool.initialBitmaps('10.0.0.0/29', '10.0.0.1') });
}

describe('AddressPool', () => {
  describe('when a network is new', () => {
    it('keeps network, broadcast and gateway out of the pool', () => {
      const p = pool();
      expect([p.size, p.freeCount, p.reservedCount, p.map]).toEqual([8, 5, 3, 'XX.....X']);
      expect(p.externalAddresses()).toEqual(['10.0.0.0', '10.0.0.1', '10.0.0.7']);
    });
  });

  describe('when addresses are reserved and released', () => {
    it('hands out the first free address and refuses a taken one', () => {
      const p = pool();
      expect(p.generateFree()).toBe('10.0.0.2');
      p.reserve('10.0.0.2');
      expect(p.generateFree()).toBe('10.0.0.3');
      expect(() => p.reserve('10.0.0.2')).toThrow("IP address '10.0.0.2' already in use or reserved");
      p.release('10.0.0.2');
      expect(p.isReserved('10.0.0.2')).toBe(false);
      expect(p.bitmaps()).toEqual({ reservations: '00000000', ext_reservations: '11000001' });
    });

    it('refuses an address outside the network', () => {
      expect(() => pool().reserve('10.0.1.2')).toThrow("IP address '10.0.1.2' does not belong to the network");
    });

    it('reports exhaustion as insufficient resources', () => {
      const p = pool();
      for (let i = 0; i < 5; i++) p.reserve(p.generateFree());
      expect(() => p.generateFree()).toThrow('No free IP address left in the network');
    });
  });
});
