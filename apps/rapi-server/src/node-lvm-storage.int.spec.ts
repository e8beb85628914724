import { ContainerModule } from 'inversify';
import {
  HypervisorProvider,
  IallocatorProvider,
  OsProvider,
  PluginError,
  PluginRegistry,
  StorageProvider,
  type Storage,
  type StorageUnit,
  type StorageUnitChanges,
} from '@corral/contracts';
import { MemoryLogger, startTestServer, type TestServer } from './testing/start-test-server';
import { rapiTestClient, type RapiTestClient } from './testing/rapi-test-client';

/**
 * The LVM storage types of a host without LVM: stand-in plugins that keep
 * physical volumes and volume groups in memory and record what they were
 * asked, put before the real ones in the plugin registry. What is tested
 * is the path from the RAPI through the opcodes and the node runner to the
 * storage plugin.
 */
const calls: string[] = [];
const pvs: StorageUnit[] = [
  { name: '/dev/sdb', size: 10240, used: 1024, free: 9216, allocatable: true },
  { name: '/dev/sda', size: 20480, used: 0, free: 20480, allocatable: true },
];

function standIn(type: string, node: string): Storage {
  const fail = (): never => {
    throw new PluginError('storage', `not used by this test (${type})`, type);
  };
  return {
    type,
    listUnits: async (name?: string) => (type === 'lvm-pv' ? pvs : [{ name: 'xenvg', size: 30720, used: 1024, free: 29696, allocatable: true }]).filter((u) => name === undefined || u.name === name),
    modifyUnit: async (name: string, changes: StorageUnitChanges) => {
      calls.push(`${node} modify ${type} ${name} ${JSON.stringify(changes)}`);
      const pv = pvs.find((p) => p.name === name);
      if (!pv) throw new PluginError('storage', `Physical volume '${name}' not found`, type);
      pvs[pvs.indexOf(pv)] = { ...pv, allocatable: changes.allocatable ?? pv.allocatable };
    },
    repairUnit: async (name: string) => {
      calls.push(`${node} repair ${type} ${name}`);
    },
    createDisk: fail,
    removeDisk: fail,
    growDisk: fail,
    attachDisk: fail,
    exportDisk: fail,
    importDisk: fail,
  };
}

const lvmStandIns = new ContainerModule(async ({ rebind }) => {
  (await rebind<PluginRegistry>(PluginRegistry))
    .toDynamicValue((ctx) => {
      const all = <T>(token: symbol): T[] => ctx.getAll<T>(token, { optional: true });
      const fakes: StorageProvider[] = ['lvm-pv', 'lvm-vg'].map((type) => ({ type, forNode: (node) => standIn(type, node.name) }));
      return new PluginRegistry(all(HypervisorProvider), [...fakes, ...all<StorageProvider>(StorageProvider)], all(OsProvider), all(IallocatorProvider));
    })
    .inSingletonScope();
});

describe('LVM storage units through the node storage resources', () => {
  let server: TestServer;
  let rapi: RapiTestClient;
  let master: string;

  beforeAll(async () => {
    server = await startTestServer({}, new MemoryLogger(), [lvmStandIns]);
    rapi = rapiTestClient(server);
    master = ((await rapi.call('GET', '/2/info')).json as { master: string }).master;
    const enable = await rapi.job('PUT', '/2/modify', { enabled_disk_templates: ['plain', 'file', 'diskless'], vg_name: 'xenvg' });
    expect(enable.status).toBe('success');
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when lvm-pv units are listed', () => {
    it('returns the rows sorted by unit name, with node and type', async () => {
      const job = await rapi.job('GET', `/2/nodes/${master}/storage?storage_type=lvm-pv&output_fields=node,type,name,size,used,free,allocatable`);
      expect(job.opresult).toEqual([
        [
          [master, 'lvm-pv', '/dev/sda', 20480, 0, 20480, true],
          [master, 'lvm-pv', '/dev/sdb', 10240, 1024, 9216, true],
        ],
      ]);
    });

    it('defaults to the storage type of the first enabled disk template (lvm-vg for plain)', async () => {
      const job = await rapi.job('GET', `/2/nodes/${master}/storage?output_fields=name,free`);
      expect(job.opresult).toEqual([[['xenvg', 29696]]]);
    });
  });

  describe('when an lvm-pv is made unallocatable', () => {
    it('asks the storage plugin and the listing shows it', async () => {
      const job = await rapi.job('PUT', `/2/nodes/${master}/storage/modify?storage_type=lvm-pv&name=/dev/sdb&allocatable=0`);
      expect([job.status, job.opresult]).toEqual(['success', [null]]);
      expect(calls).toContain(`${master} modify lvm-pv /dev/sdb {"allocatable":false}`);
      const list = await rapi.job('GET', `/2/nodes/${master}/storage?storage_type=lvm-pv&output_fields=name,allocatable`);
      expect(list.opresult).toEqual([[['/dev/sda', true], ['/dev/sdb', false]]]);
    });

    it('fails the job with the plugin error for an unknown volume', async () => {
      const job = await rapi.job('PUT', `/2/nodes/${master}/storage/modify?storage_type=lvm-pv&name=/dev/nosuch&allocatable=1`);
      expect([job.status, job.opresult]).toEqual(['error', [['OpExecError', ["Physical volume '/dev/nosuch' not found"]]]]);
    });
  });

  describe('when an lvm-vg is repaired', () => {
    it('asks the storage plugin to fix its consistency', async () => {
      const job = await rapi.job('PUT', `/2/nodes/${master}/storage/repair?storage_type=lvm-vg&name=xenvg`);
      expect([job.status, job.opresult]).toEqual(['success', [null]]);
      expect(calls).toContain(`${master} repair lvm-vg xenvg`);
    });

    it('refuses to repair an lvm-pv', async () => {
      const job = await rapi.job('PUT', `/2/nodes/${master}/storage/repair?storage_type=lvm-pv&name=/dev/sdb`);
      expect(job.opresult).toEqual([['OpPrereqError', ["Storage units of type 'lvm-pv' can not be repaired", 'wrong_input']]]);
    });
  });
});
