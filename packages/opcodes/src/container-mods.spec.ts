import { GanetiError } from '@corral/model';
import { findInContainer, isContainerModList, upgradeMods } from './container-mods';

describe('NIC and disk modification lists', () => {
  describe('when checking the shape', () => {
    it.each([
      [[], true],
      [[['add', {}]], true],
      [[[0, { mode: 'ro' }]], true],
      [[['modify', 'disk-a', {}]], true],
      [[['add', -1, {}], ['remove', 0, {}]], true],
      [[['add', {}], ['remove', 0, {}]], false],
      [[['grow', 0, {}]], false],
      [[['add', 'x']], false],
      [{ add: {} }, false],
    ])('%j is %s', (value, expected) => {
      expect(isContainerModList(value)).toBe(expected);
    });
  });

  describe('when upgrading the legacy 2-tuple form', () => {
    it('turns add/remove into [op, -1, params] and an index into modify', () => {
      expect(upgradeMods('disk', [['add', { size: 1 }], [1, { mode: 'ro' }]])).toEqual([
        ['add', -1, { size: 1 }],
        ['modify', 1, { mode: 'ro' }],
      ]);
    });

    it('refuses two add/remove operations, as Ganeti', () => {
      expect(() => upgradeMods('NIC', [['add', {}], ['remove', {}]])).toThrow(
        new GanetiError('OpPrereqError', 'Only one NIC add/attach/remove/detach operation is supported at a time', 'wrong_input'),
      );
    });

    it('passes 3-tuples through', () => {
      expect(upgradeMods('disk', [['remove', 0, {}]])).toEqual([['remove', 0, {}]]);
    });
  });

  describe('when finding an item', () => {
    const items = [
      { uuid: 'u0', name: 'a' },
      { uuid: 'u1', name: null },
    ];
    it.each([
      [0, 0],
      [-1, 1],
      ['1', 1],
      ['a', 0],
      ['u1', 1],
    ] as const)('%j is index %d', (identifier, index) => {
      expect(findInContainer(identifier, 'disk', items)).toBe(index);
    });

    it('refuses an index past the end and an unknown name', () => {
      expect(() => findInContainer(2, 'disk', items)).toThrow('Got disk index 2, but there are only 2');
      expect(() => findInContainer('zz', 'NIC', items)).toThrow('Cannot find NIC with identifier zz');
    });
  });
});
