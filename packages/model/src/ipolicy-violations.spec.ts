import { defaultIpolicy } from './cluster-defaults';
import type { InstancePolicy } from './cluster';
import { ipolicyViolations } from './ipolicy-violations';

const policy = { ...(defaultIpolicy as unknown as InstancePolicy), 'disk-templates': ['file', 'diskless'] };
const spec = { memory: 128, vcpus: 1, nicCount: 1, spindleUse: 1, diskSizes: [1024], diskTemplate: 'file' };

describe('ipolicyViolations', () => {
  describe('when the instance fits', () => {
    it('reports nothing', () => {
      expect(ipolicyViolations(policy, spec)).toEqual([]);
    });
  });

  describe('when the instance breaks the policy', () => {
    it("reports Ganeti's messages for the template and each figure (sample 34: no NIC)", () => {
      expect(ipolicyViolations(policy, { ...spec, diskTemplate: 'plain', nicCount: 0, diskSizes: [16] })).toEqual([
        'Disk template plain is not allowed (allowed templates file, diskless)',
        'nic-count value 0 is not in range [1, 8]',
        'disk-size/0 value 16 is not in range [1024, 1048576]',
      ]);
    });

    it('skips the disk count of a diskless instance', () => {
      expect(ipolicyViolations(policy, { ...spec, diskTemplate: 'diskless', diskSizes: [] })).toEqual([]);
    });
  });
});
