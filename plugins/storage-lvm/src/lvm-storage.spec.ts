import { pluginRejection } from '@corral/contracts';
import type { CommandResult, CommandRunner } from './command-runner';
import { LvmPvStorage } from './lvm-pv-storage';
import { LvmVgStorage } from './lvm-vg-storage';

/** Replays recorded outputs by command line and records every call. */
class RecordedRunner implements CommandRunner {
  readonly calls: string[] = [];
  constructor(private readonly outputs: Record<string, Partial<CommandResult>>) {}
  async run(command: string, args: readonly string[]): Promise<CommandResult> {
    const line = [command, ...args].join(' ');
    this.calls.push(line);
    const out = this.outputs[line];
    if (!out) throw new Error(`unexpected command: ${line}`);
    return { code: 0, stdout: '', stderr: '', ...out };
  }
}

const PVS = 'pvs --noheadings --units=m --nosuffix --separator | --options pv_name,pv_size,pv_used,pv_free,pv_attr';
const VGS = 'vgs --noheadings --units=m --nosuffix --separator | --options vg_name,vg_size,vg_free';

describe('LvmPvStorage', () => {
  describe('when listing (recorded pvs output)', () => {
    it('rounds the MiB figures, reads allocatable from pv_attr and skips malformed lines', async () => {
      const runner = new RecordedRunner({
        [PVS]: { stdout: '  /dev/sda2|476436.00|204800.50|271635.50|a--\n  /dev/loop0|60.00|0|60.00|u--\n  garbage line\n' },
      });
      expect(await new LvmPvStorage(runner).listUnits()).toEqual([
        { name: '/dev/sda2', size: 476436, used: 204801, free: 271636, allocatable: true },
        { name: '/dev/loop0', size: 60, used: 0, free: 60, allocatable: false },
      ]);
    });

    it('reports a failing pvs with its output', async () => {
      const runner = new RecordedRunner({ [`${PVS} /dev/nope`]: { code: 5, stderr: '  Failed to find physical volume "/dev/nope".\n' } });
      const error = await pluginRejection(new LvmPvStorage(runner).listUnits('/dev/nope'));
      expect([error.kind, error.message]).toEqual(['storage', `${PVS} /dev/nope failed (exit code 5): Failed to find physical volume "/dev/nope".`]);
    });
  });

  describe('when modified', () => {
    it('runs pvchange --allocatable n', async () => {
      const runner = new RecordedRunner({ 'pvchange --allocatable n /dev/sdb': {} });
      await new LvmPvStorage(runner).modifyUnit('/dev/sdb', { allocatable: false });
      expect(runner.calls).toEqual(['pvchange --allocatable n /dev/sdb']);
    });

    it('refuses other fields and repairs with Ganeti messages', async () => {
      const storage = new LvmPvStorage(new RecordedRunner({}));
      expect((await pluginRejection(storage.modifyUnit('/dev/sdb', { size: 1 } as never))).message).toBe(
        "The following fields can not be modified for storage units of type 'lvm-pv': size",
      );
      expect((await pluginRejection(storage.repairUnit('/dev/sdb'))).message).toBe("Storage units of type 'lvm-pv' can not be repaired");
    });
  });
});

describe('LvmVgStorage', () => {
  describe('when listing (recorded vgs output)', () => {
    it('computes used as size minus free', async () => {
      const runner = new RecordedRunner({ [`${VGS} xenvg`]: { stdout: '  xenvg|476436.00|271635.49\n' } });
      expect(await new LvmVgStorage(runner).listUnits('xenvg')).toEqual([{ name: 'xenvg', size: 476436, used: 204801, free: 271635, allocatable: true }]);
    });
  });

  describe('when repaired', () => {
    it('re-runs vgreduce with --force when the first run wrote nothing, then checks with vgs', async () => {
      const runner = new RecordedRunner({
        'vgreduce --removemissing xenvg': { stdout: '  Volume group "xenvg" is already consistent.\n' },
        'vgreduce --removemissing --force xenvg': { stdout: '  Volume group "xenvg" is already consistent.\n' },
        'vgs --noheadings --nosuffix xenvg': { stdout: '  xenvg   1   0   0 wz--n- 60.00m 60.00m\n' },
      });
      await new LvmVgStorage(runner).repairUnit('xenvg');
      expect(runner.calls).toEqual(['vgreduce --removemissing xenvg', 'vgreduce --removemissing --force xenvg', 'vgs --noheadings --nosuffix xenvg']);
    });

    it('stops after one vgreduce that wrote a consistent group', async () => {
      const runner = new RecordedRunner({
        'vgreduce --removemissing xenvg': { stdout: '  Wrote out consistent volume group xenvg\n' },
        'vgs --noheadings --nosuffix xenvg': { stdout: '  xenvg   1   0   0 wz--n- 60.00m 60.00m\n' },
      });
      await new LvmVgStorage(runner).repairUnit('xenvg');
      expect(runner.calls).toHaveLength(2);
    });

    it('fails when vgs still misses a device', async () => {
      const runner = new RecordedRunner({
        'vgreduce --removemissing xenvg': { stdout: 'Wrote out consistent volume group xenvg' },
        'vgs --noheadings --nosuffix xenvg': { stderr: "  Couldn't find device with uuid abc.\n" },
      });
      expect((await pluginRejection(new LvmVgStorage(runner).repairUnit('xenvg'))).message).toBe(
        `Volume group 'xenvg' still not consistent, 'vgreduce' output: "Wrote out consistent volume group xenvg", 'vgs' output: "Couldn't find device with uuid abc."`,
      );
    });
  });

  describe('when handling logical volumes', () => {
    it('creates, grows, attaches and removes with lvcreate, lvresize, lvs and lvremove', async () => {
      const runner = new RecordedRunner({
        'lvcreate -L1024m -ninst1.disk0 xenvg': {},
        'lvresize -L +512m xenvg/inst1.disk0': {},
        'lvs --noheadings --units=m --nosuffix --separator=| -ovg_name,lv_name,lv_size,lv_attr xenvg/inst1.disk0': { stdout: '  xenvg|inst1.disk0|1536.00|-wi-ao----\n' },
        'lvremove -f xenvg/inst1.disk0': {},
      });
      const storage = new LvmVgStorage(runner);
      const disk = { unit: 'xenvg', name: 'inst1.disk0' };
      expect(await storage.createDisk(disk, 1024)).toBe('/dev/xenvg/inst1.disk0');
      await storage.growDisk(disk, 512);
      expect(await storage.attachDisk(disk)).toBe('/dev/xenvg/inst1.disk0');
      await storage.removeDisk(disk);
      expect(runner.calls).toHaveLength(4);
    });

    it('refuses names LVM would not take', async () => {
      expect((await pluginRejection(new LvmVgStorage(new RecordedRunner({})).createDisk({ unit: 'xenvg', name: 'a/b' }, 1))).message).toBe(
        "Invalid logical volume name 'a/b'",
      );
    });
  });
});
