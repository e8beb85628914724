import { exportCreateDefaults } from './export-create-defaults';
import type { ExportInfo } from './read-export';

const info: ExportInfo = {
  srcNode: 'node2',
  srcPath: '/x/export/inst1',
  name: 'inst1',
  os: 'noop+default',
  hypervisor: 'fake',
  diskTemplate: 'file',
  disks: [{ size: 12, name: null, image: '/x/export/inst1/disk0.snap' }],
  nics: [{ mac: 'aa:00:00:11:22:33', ip: null, name: null, network: null, mode: 'bridged', link: 'br0', vlan: '' }],
  tags: ['a'],
  hvparams: { migration_mode: 'live' },
  beparams: { maxmem: '256', minmem: '128', vcpus: '1' },
  osparams: { color: 'blue' },
};

describe('exportCreateDefaults', () => {
  describe('when the request gives nothing but the name', () => {
    it('takes everything from the export', () => {
      expect(exportCreateDefaults({ instance_name: 'new1' }, info)).toEqual({
        instance_name: 'new1',
        os_type: 'noop+default',
        disks: [{ size: 12, name: null }],
        nics: [{ ip: null, mac: 'aa:00:00:11:22:33', name: null, mode: 'bridged', link: 'br0', vlan: '' }],
        tags: ['a'],
        hypervisor: 'fake',
        hvparams: { migration_mode: 'live' },
        beparams: { maxmem: '256', minmem: '128', vcpus: '1' },
        osparams: { color: 'blue' },
      });
    });
  });

  describe('when the request gives parameters', () => {
    it('keeps them over the export, key by key', () => {
      const out = exportCreateDefaults({ instance_name: 'new1', disks: [{ size: 4 }], beparams: { maxmem: 512 }, os_type: 'other' }, info);
      expect([out.os_type, out.disks, out.beparams]).toEqual(['noop+default', [{ size: 4 }], { maxmem: 512, minmem: '128', vcpus: '1' }]);
    });
  });
});
