import { redactPrivateParams } from './redact-private-params';

describe('redactPrivateParams', () => {
  describe('when an opcode carries private OS parameters', () => {
    it('replaces every private value by <redacted> and keeps the rest', () => {
      expect(redactPrivateParams({ OP_ID: 'OP_INSTANCE_CREATE', osparams: { a: 1 }, osparams_private: { pw: 's3cret' }, osparams_secret: null })).toEqual({
        OP_ID: 'OP_INSTANCE_CREATE',
        osparams: { a: 1 },
        osparams_private: { pw: '<redacted>' },
        osparams_secret: null,
      });
    });
  });

  describe('when the private parameters are nested in multi-allocation entries', () => {
    it('redacts them at any depth', () => {
      expect(redactPrivateParams({ instances: [{ osparams_secret: { key: 'k' } }] })).toEqual({ instances: [{ osparams_secret: { key: '<redacted>' } }] });
    });
  });
});
