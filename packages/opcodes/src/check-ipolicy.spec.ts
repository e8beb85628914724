import { GanetiError } from '@corral/model';
import { checkIpolicy } from './check-ipolicy';

describe('checkIpolicy', () => {
  describe('when the policy is valid', () => {
    it('accepts a partial policy', () => {
      expect(() => checkIpolicy({ 'vcpu-ratio': 2, std: { 'memory-size': 256 }, 'disk-templates': ['file'] })).not.toThrow();
    });
  });

  describe('when the policy is wrong', () => {
    it.each([
      [{ bogus: 1 }, 'Invalid keys in ipolicy: bogus'],
      [{ 'vcpu-ratio': 0 }, "Invalid value for ipolicy parameter 'vcpu-ratio': 0"],
      [{ std: { 'memory-size': -1 } }, "Invalid value for ipolicy std 'memory-size': -1"],
      [{ std: { ram: 1 } }, "Invalid key in ipolicy std: 'ram'"],
      [{ minmax: [{ min: { 'cpu-count': 4 }, max: { 'cpu-count': 2 } }] }, 'Invalid ipolicy minmax: min cpu-count (4) is larger than max (2)'],
      [{ 'disk-templates': ['floppy'] }, 'Invalid disk template(s) in ipolicy: floppy'],
    ])('refuses %j', (policy, message) => {
      expect(() => checkIpolicy(policy)).toThrow(GanetiError.prereq(message, 'wrong_input'));
    });
  });
});
