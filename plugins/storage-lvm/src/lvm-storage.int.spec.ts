import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecCommandRunner } from './command-runner';
import { LvmPvStorage } from './lvm-pv-storage';
import { LvmVgStorage } from './lvm-vg-storage';

const env = { ...process.env, LVM_SUPPRESS_FD_WARNINGS: '1' };
const sh = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });

/** A loop device with a PV and a VG, or the reason this machine cannot make one. */
function setUpLoopVg(dir: string, vg: string): { device: string } | { skip: string } {
  if (process.getuid?.() !== 0) return { skip: 'not running as root' };
  const image = join(dir, 'pv.img');
  let device: string | undefined;
  try {
    sh('truncate', ['-s', '64M', image]);
    device = sh('losetup', ['-f', '--show', image]).trim();
    sh('pvcreate', ['-q', device]);
    sh('vgcreate', ['-q', vg, device]);
    return { device };
  } catch (error) {
    if (device) tearDown(vg, device);
    return { skip: `cannot create a loop-device volume group: ${(error as Error).message.split('\n')[0]}` };
  }
}

function tearDown(vg: string, device: string): void {
  for (const [cmd, args] of [['vgremove', ['-q', '-f', vg]], ['pvremove', ['-q', device]], ['losetup', ['-d', device]]] as [string, string[]][]) {
    try {
      sh(cmd, args);
    } catch {
      // best effort: later steps still run
    }
  }
}

describe('LVM storage on a real loop device', () => {
  const vg = `corraltest${process.pid}`;
  let dir: string;
  let setup: { device: string } | { skip: string };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'corral-lvm-'));
    setup = setUpLoopVg(dir, vg);
    if ('skip' in setup) process.stdout.write(`Skipping the real LVM test: ${setup.skip}\n`);
  });
  afterAll(() => {
    if ('device' in setup) tearDown(vg, setup.device);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the volume group with its real size', async () => {
    if ('skip' in setup) return;
    expect(await new LvmVgStorage(new ExecCommandRunner()).listUnits(vg)).toEqual([{ name: vg, size: 60, used: 0, free: 60, allocatable: true }]);
  });

  it('lists the physical volume, then makes it non-allocatable with pvchange', async () => {
    if (!('device' in setup)) return;
    const pv = new LvmPvStorage(new ExecCommandRunner());
    expect(await pv.listUnits(setup.device)).toEqual([{ name: setup.device, size: 60, used: 0, free: 60, allocatable: true }]);
    await pv.modifyUnit(setup.device, { allocatable: false });
    expect(await pv.listUnits(setup.device)).toEqual([{ name: setup.device, size: 60, used: 0, free: 60, allocatable: false }]);
  });

  it('creates, grows and removes a logical volume where the kernel has device-mapper', async () => {
    if ('skip' in setup) return;
    const storage = new LvmVgStorage(new ExecCommandRunner());
    const disk = { unit: vg, name: 'disk0' };
    try {
      expect(await storage.createDisk(disk, 8)).toBe(`/dev/${vg}/disk0`);
    } catch (error) {
      const message = (error as Error).message;
      if (!/device-mapper/.test(message)) throw error;
      process.stdout.write('Skipping the logical volume steps: this kernel has no device-mapper (lvcreate fails)\n');
      return;
    }
    await storage.growDisk(disk, 8);
    expect(await new LvmVgStorage(new ExecCommandRunner()).listUnits(vg)).toEqual([{ name: vg, size: 60, used: 16, free: 44, allocatable: true }]);
    await storage.removeDisk(disk);
  });

  it('repairs a consistent volume group', async () => {
    if ('skip' in setup) return;
    await expect(new LvmVgStorage(new ExecCommandRunner()).repairUnit(vg)).resolves.toBeUndefined();
  });
});
