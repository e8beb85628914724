import { createCluster } from './create-cluster';
import { effectiveBeparams, effectiveHvparams, fillParams } from './fill-params';

const cluster = createCluster({
  name: 'c', masterNode: 'n1', uuid: 'u', now: 0, enabledHypervisors: ['fake'], enabledDiskTemplates: ['file'],
  fileStorageDir: '/f', sharedFileStorageDir: '/s', volumeGroupName: null, masterNetdev: 'lo', defaultIallocator: 'builtin',
});

describe('fillParams', () => {
  it('lays own values over defaults, one level deep', () => {
    expect(fillParams({ a: 1, b: 2 }, { b: 3, c: 4 })).toEqual({ a: 1, b: 3, c: 4 });
  });

  it('treats "default" as falling back to the default', () => {
    expect(fillParams({ a: 1 }, { a: 'default' })).toEqual({ a: 1 });
  });
});

describe('effective parameters', () => {
  it('fills an instance\'s beparams from the cluster defaults', () => {
    expect(effectiveBeparams(cluster, { beparams: { maxmem: 512, minmem: 512 } })).toEqual({
      minmem: 512, maxmem: 512, vcpus: 1, auto_balance: true, always_failover: false, spindle_use: 1,
    });
  });

  it('fills hvparams from the cluster\'s hypervisor defaults', () => {
    expect(effectiveHvparams(cluster, { hypervisor: 'fake', os: 'noop+default', hvparams: {} })).toEqual({ migration_mode: 'live' });
    expect(effectiveHvparams(cluster, { hypervisor: 'fake', os: 'noop+default', hvparams: { migration_mode: 'non-live' } })).toEqual({
      migration_mode: 'non-live',
    });
  });
});
