import { GanetiError } from '@corral/model';
import { checkNestedParamKeys, checkParamKeys, updatedNestedParams, updatedParams } from './updated-params';

describe('updatedParams', () => {
  describe('when changes set, replace and reset keys', () => {
    it('applies them, "default" and null dropping the override', () => {
      expect(updatedParams({ a: 1, b: 2, c: 3 }, { a: 9, b: 'default', c: null, d: 4 })).toEqual({ a: 9, d: 4 });
    });
  });

  describe('when the dictionaries are nested', () => {
    it('updates each inner dictionary', () => {
      expect(updatedNestedParams({ fake: { x: 1 }, kvm: { y: 2 } }, { fake: { x: 'default', z: 3 } })).toEqual({ fake: { z: 3 }, kvm: { y: 2 } });
    });
  });
});

describe('checkParamKeys', () => {
  describe('when a key is unknown', () => {
    it("raises Ganeti's wrong_input error", () => {
      expect(() => checkParamKeys({ bogus: 1 }, { known: 0 })).toThrow(GanetiError.prereq("Unknown parameter 'bogus'", 'wrong_input'));
    });
  });

  describe('when an outer key of a nested dictionary is unknown', () => {
    it('names it', () => {
      expect(() => checkNestedParamKeys({ vmware: {} }, { fake: {} }, 'hypervisor')).toThrow("Invalid hypervisor 'vmware'");
    });
  });
});
