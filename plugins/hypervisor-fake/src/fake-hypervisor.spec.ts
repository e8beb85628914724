import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pluginRejection, PluginError, type HypervisorInstanceSpec, type HypervisorNodeInfo } from '@corral/contracts';
import { FakeHypervisor } from './fake-hypervisor';

const HOST: HypervisorNodeInfo = { memory_total: 4096, memory_free: 2048, memory_dom0: 512, cpu_total: 2, cpu_dom0: 2, cpu_nodes: 1, cpu_sockets: 1 };

function spec(name: string, memory = 512, minMemory = 256, vcpus = 1): HypervisorInstanceSpec {
  return { name, memory, minMemory, vcpus, hvparams: { migration_mode: 'live' }, disks: [], nics: [] };
}

/** Every file below the node directory with its content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        out[`${rel}/`] = '';
        walk(join(d, entry.name), rel);
      } else out[rel] = readFileSync(join(d, entry.name), 'utf8');
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out;
}

describe('FakeHypervisor', () => {
  let root: string;
  let nodeA: { name: string; node_dir: string };
  let nodeB: { name: string; node_dir: string };
  let a: FakeHypervisor;
  let b: FakeHypervisor;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'corral-fake-hv-'));
    nodeA = { name: 'node1', node_dir: join(root, 'node1') };
    nodeB = { name: 'node2', node_dir: join(root, 'node2') };
    a = new FakeHypervisor(nodeA, () => HOST);
    b = new FakeHypervisor(nodeB, () => HOST);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  describe('when an instance starts', () => {
    it('writes id 0, the startup memory and vcpus into run/fake-hypervisor/<name>', async () => {
      await a.startInstance(spec('inst1', 512, 256, 2));
      expect(tree(nodeA.node_dir)).toEqual({ 'run/': '', 'run/fake-hypervisor/': '', 'run/fake-hypervisor/inst1': '0\n512\n2\n' });
    });

    it('starts with the free memory when that is between minmem and maxmem', async () => {
      await a.startInstance(spec('big', 4096, 1024));
      expect(tree(nodeA.node_dir)['run/fake-hypervisor/big']).toBe('0\n2048\n1\n');
    });

    it('starts with minmem when the node has less free memory', async () => {
      await a.startInstance(spec('big', 4096, 1024));
      await a.startInstance(spec('second', 4096, 1024));
      expect(tree(nodeA.node_dir)['run/fake-hypervisor/second']).toBe('0\n1024\n1\n');
    });

    it('refuses an instance that is already running and changes nothing', async () => {
      await a.startInstance(spec('inst1'));
      const error = await pluginRejection(a.startInstance(spec('inst1', 128, 128)));
      expect([error.kind, error.message]).toEqual(['hypervisor', 'Failed to start instance inst1: already running']);
      expect(tree(nodeA.node_dir)).toEqual({ 'run/': '', 'run/fake-hypervisor/': '', 'run/fake-hypervisor/inst1': '0\n512\n1\n' });
    });
  });

  describe('when an instance stops', () => {
    it('deletes its file', async () => {
      await a.startInstance(spec('inst1'));
      await a.startInstance(spec('inst2'));
      await a.stopInstance('inst1', { force: true, timeout: 10 });
      expect(tree(nodeA.node_dir)).toEqual({ 'run/': '', 'run/fake-hypervisor/': '', 'run/fake-hypervisor/inst2': '0\n512\n1\n' });
    });

    it('reports an instance that is not running', async () => {
      const error = await pluginRejection(a.stopInstance('ghost'));
      expect(error.message).toBe('Failed to stop instance ghost: not running');
      expect(tree(nodeA.node_dir)).toEqual({});
    });
  });

  describe('when asked about instances', () => {
    it('lists and describes the running ones, always running with times 0', async () => {
      await a.startInstance(spec('b-inst', 300, 300, 3));
      await a.startInstance(spec('a-inst'));
      expect(await a.listInstances()).toEqual(['a-inst', 'b-inst']);
      expect(await a.getInstanceInfo('b-inst')).toEqual({ name: 'b-inst', id: 0, memory: 300, vcpus: 3, state: 'running', times: 0 });
      expect(await a.getInstanceInfo('ghost')).toBeNull();
      expect((await a.getAllInstancesInfo()).map((i) => i.name)).toEqual(['a-inst', 'b-inst']);
    });

    it('reduces the node free memory by the instances memory', async () => {
      await a.startInstance(spec('inst1', 512, 512));
      expect(await a.getNodeInfo()).toEqual({ ...HOST, memory_free: 1536 });
    });

    it('answers the console with a message', async () => {
      expect(await a.getInstanceConsole(spec('inst1'), 'node1')).toEqual({
        instance: 'inst1',
        kind: 'msg',
        message: 'Console not available for fake hypervisor',
      });
    });
  });

  describe('when verified', () => {
    it('reports a missing state directory, then nothing once it exists', async () => {
      expect(await a.verify()).toBe(`The required directory '${join(nodeA.node_dir, 'run', 'fake-hypervisor')}' does not exist`);
      await a.startInstance(spec('inst1'));
      expect(await a.verify()).toBeNull();
    });
  });

  describe('when the memory is ballooned', () => {
    it('rewrites the memory line', async () => {
      await a.startInstance(spec('inst1', 512, 256, 2));
      await a.balloonInstanceMemory(spec('inst1'), 300);
      expect(tree(nodeA.node_dir)['run/fake-hypervisor/inst1']).toBe('0\n300\n2\n');
    });

    it('refuses an instance that is not running', async () => {
      expect((await pluginRejection(a.balloonInstanceMemory(spec('ghost'), 300))).message).toBe('Cannot balloon instance ghost: not running');
      expect(tree(nodeA.node_dir)).toEqual({});
    });
  });

  describe('when an instance migrates between two local nodes', () => {
    it('moves the state file from the source node to the target node', async () => {
      const inst = spec('inst1', 512, 256, 2);
      await a.startInstance(inst);
      const info = await a.migrationInfo(inst);
      await b.acceptInstance(inst, info, nodeB.name);
      await a.migrateInstance('cluster', inst, nodeB, true);
      expect(await a.getMigrationStatus(inst)).toBe('completed');
      await b.finalizeMigrationDst(inst, info, true);
      await a.finalizeMigrationSource(inst, true, true);
      expect(tree(nodeA.node_dir)).toEqual({ 'run/': '', 'run/fake-hypervisor/': '' });
      expect(tree(nodeB.node_dir)).toEqual({ 'run/': '', 'run/fake-hypervisor/': '', 'run/fake-hypervisor/inst1': '0\n512\n2\n' });
    });

    it('leaves the instance on the source when the destination fails', async () => {
      const inst = spec('inst1');
      await a.startInstance(inst);
      await b.finalizeMigrationDst(inst, '', false);
      await a.finalizeMigrationSource(inst, false, true);
      expect(tree(nodeA.node_dir)).toEqual({ 'run/': '', 'run/fake-hypervisor/': '', 'run/fake-hypervisor/inst1': '0\n512\n1\n' });
      expect(tree(nodeB.node_dir)).toEqual({});
    });

    it('refuses to accept an instance already running on the target', async () => {
      await b.startInstance(spec('inst1'));
      expect((await pluginRejection(b.acceptInstance(spec('inst1'), '', 'node2'))).message).toBe('Failed to accept instance inst1: already running');
    });
  });

  describe('when hvparams are checked', () => {
    it.each([
      [{ migration_mode: 'live' }, null],
      [{ migration_mode: 'non-live' }, null],
      [{ migration_mode: 'live', kernel_path: '/x' }, "Parameter 'kernel_path' is not supported"],
      [{}, "Parameter 'migration_mode' is missing"],
      [{ migration_mode: '' }, "Parameter 'migration_mode' is required but is currently not defined"],
      [{ migration_mode: null }, "Parameter 'migration_mode' is required but is currently not defined"],
      [{ migration_mode: 'fast' }, "Parameter 'migration_mode' fails syntax check: The value must be one of: live, non-live (current value: 'fast')"],
    ])('checks %j', (hvparams, message) => {
      let caught: PluginError | null = null;
      try {
        a.checkParameterSyntax(hvparams);
      } catch (error) {
        caught = error as PluginError;
      }
      expect(caught === null ? null : [caught.kind, caught.message]).toEqual(message === null ? null : ['invalid-parameters', message]);
    });
  });
});
