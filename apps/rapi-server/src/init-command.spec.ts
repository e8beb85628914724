import { CliUsageError } from './cli-options';
import { parseInitOptions } from './init-command';

describe('parseInitOptions', () => {
  describe('when the options are complete', () => {
    it('builds the cluster options with the given values', () => {
      const o = parseInitOptions(['--cluster-name', 'c1.example.com', '--master-node', 'n1.example.com', '--enabled-disk-templates', 'plain,file', '--vg-name', 'xenvg', '--data-dir', '/d']);
      expect(o).toEqual({
        help: false,
        dataDir: '/d',
        configFile: undefined,
        cluster: {
          clusterName: 'c1.example.com',
          masterNode: 'n1.example.com',
          enabledHypervisors: ['fake'],
          enabledDiskTemplates: ['plain', 'file'],
          volumeGroupName: 'xenvg',
          defaultIallocator: 'builtin',
          masterNetdev: 'lo',
        },
      });
    });

    it('takes --nic-parameters as overrides of the default NIC parameters', () => {
      const o = parseInitOptions(['--cluster-name', 'c', '--nic-parameters', 'mode=bridged,link=gntbr0']);
      expect(o.cluster.nicParameters).toEqual({ mode: 'bridged', link: 'gntbr0' });
    });
  });

  describe('when an option is missing or wrong', () => {
    it.each([
      [[], '--cluster-name is required'],
      [['--cluster-name', 'c', '--enabled-disk-templates', 'floppy'], 'Unknown disk template(s): floppy'],
      [['--cluster-name', 'c', '--enabled-hypervisors', ''], 'At least one hypervisor must be enabled'],
      [['--cluster-name', 'c', '--enabled-disk-templates', 'drbd'], 'The plain and drbd disk templates need --vg-name'],
      [['--cluster-name', 'bad name'], "Invalid name 'bad name'"],
      [['--cluster-name', 'c', '--nic-parameters', 'link'], "Invalid NIC parameter 'link': expected key=value"],
      [['--cluster-name', 'c', '--nic-parameters', 'colour=red'], "Unknown NIC parameter 'colour' (known: mode, link, vlan)"],
      [['--cluster-name', 'c', '--nic-parameters', 'mode=tunnel'], "Invalid NIC mode 'tunnel' (known: bridged, routed, openvswitch)"],
    ])('refuses %j', (argv, message) => {
      expect(() => parseInitOptions(argv)).toThrow(new CliUsageError(message));
    });
  });
});
