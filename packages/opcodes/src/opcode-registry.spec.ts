import { GanetiError } from '@corral/model';
import { builtinOpcodes } from './builtin-opcodes';
import { OpcodeRegistry } from './opcode-registry';
import { pythonErrorText } from './python-error-text';

const registry = new OpcodeRegistry(builtinOpcodes);

function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return pythonErrorText(error as GanetiError);
  }
  throw new Error('did not throw');
}

describe('OpcodeRegistry', () => {
  describe('when building a valid opcode', () => {
    it('fills the defaults in Ganeti 3.0 key order', () => {
      const op = registry.build('OP_TAGS_SET', { kind: 'instance', name: 'i1', tags: ['a'] });
      expect(Object.keys(op)).toEqual(['dry_run', 'debug_level', 'priority', 'depends', 'comment', 'reason', 'OP_ID', 'kind', 'tags', 'name']);
      expect(op).toEqual({ dry_run: false, debug_level: 0, priority: 0, depends: null, comment: null, reason: [], OP_ID: 'OP_TAGS_SET', kind: 'instance', tags: ['a'], name: 'i1' });
    });
  });

  describe('when a key is unknown', () => {
    it("says the opcode class doesn't support it", () => {
      expect(failure(() => registry.build('OP_TAGS_SET', { kind: 'cluster', tags: [], bogus: 1 }))).toBe("Object OpTagsSet doesn't support the parameter 'bogus'");
    });
  });

  describe('when a value is ill-typed', () => {
    it('gives the validation tuple with wrong_input', () => {
      expect(failure(() => registry.build('OP_TEST_DELAY', { duration: 'long' }))).toBe(`("Parameter 'OP_TEST_DELAY.duration' fails validation", 'wrong_input')`);
    });
  });

  describe('when a required value is missing', () => {
    it('names the parameter', () => {
      expect(failure(() => registry.build('OP_TAGS_SET', { tags: [] }))).toBe(`("Parameter 'OP_TAGS_SET.kind' is missing", 'wrong_input')`);
    });
  });

  describe('when summarising', () => {
    it('gives the id without OP_, with the key field when the opcode has one', () => {
      expect(registry.summary(registry.build('OP_TAGS_SET', { kind: 'cluster', tags: [] }))).toBe('TAGS_SET');
      expect(registry.summary(registry.build('OP_TEST_DELAY', { duration: 2.5 }))).toBe('TEST_DELAY(2.5)');
      expect(registry.summary(registry.build('OP_CLUSTER_REDIST_CONF', {}))).toBe('CLUSTER_REDIST_CONF');
    });
  });
});
