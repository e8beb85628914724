import { coerceExportedParams } from './coerce-exported-params';

describe('coerceExportedParams', () => {
  describe('when values come from config.ini as strings', () => {
    it('types them after the defaults: numbers, booleans and None', () => {
      const defaults = { maxmem: 128, auto_balance: true, kernel_path: null, migration_mode: 'live' };
      expect(coerceExportedParams({ maxmem: '256', auto_balance: 'False', kernel_path: 'None', migration_mode: 'non-live' }, defaults)).toEqual({
        maxmem: 256,
        auto_balance: false,
        kernel_path: null,
        migration_mode: 'non-live',
      });
    });
  });

  describe('when a value cannot be converted or is already typed', () => {
    it('keeps it as it is, so the parameter checks report it', () => {
      expect(coerceExportedParams({ maxmem: 'lots', vcpus: 2, auto_balance: 'yes', unknown: 'None' }, { maxmem: 128, vcpus: 1, auto_balance: true })).toEqual({
        maxmem: 'lots',
        vcpus: 2,
        auto_balance: 'yes',
        unknown: null,
      });
    });
  });
});
