import { copyFileSync } from 'node:fs';
import type { DiskRequest, Storage, StorageUnit } from '@corral/contracts';
import { LVM_LIST_FLAGS, LvmStorageBase } from './lvm-storage-base';
import { lvmMib, parseLvmTable } from './parse-lvm-table';

const LV_NAME = /^[A-Za-z0-9+_.-]+$/;

/**
 * Ganeti's `lvm-vg` storage: volume groups as units, logical volumes as
 * disks (`lvcreate`, `lvremove`, `lvresize`), and the `fix-consistency`
 * repair (`vgreduce --removemissing`, then `--force` when needed).
 */
export class LvmVgStorage extends LvmStorageBase implements Storage {
  readonly type = 'lvm-vg';

  async listUnits(name?: string): Promise<StorageUnit[]> {
    const args = [...LVM_LIST_FLAGS, '--options', 'vg_name,vg_size,vg_free', ...(name === undefined ? [] : [name])];
    const { stdout } = await this.must('vgs', args);
    return parseLvmTable(stdout, 3).map(([vgName, size, free]) => ({
      name: vgName,
      size: lvmMib(size),
      used: lvmMib(size) - lvmMib(free),
      free: lvmMib(free),
      allocatable: true,
    }));
  }

  override async repairUnit(name: string): Promise<void> {
    // vgreduce's exit code is ignored, as in Ganeti: older LVMs fail on consistent groups.
    const first = await this.runner.run('vgreduce', ['--removemissing', name]);
    let output = `${first.stdout}${first.stderr}`;
    if (!output.includes('Wrote out consistent volume group') || output.includes('vgreduce --removemissing --force')) {
      const forced = await this.runner.run('vgreduce', ['--removemissing', '--force', name]);
      output += `\n${forced.stdout}${forced.stderr}`;
    }
    const check = await this.runner.run('vgs', ['--noheadings', '--nosuffix', name]);
    const checkOutput = `${check.stdout}${check.stderr}`;
    if (check.code !== 0 || checkOutput.includes("Couldn't find device with uuid")) {
      this.fail(`Volume group '${name}' still not consistent, 'vgreduce' output: ${JSON.stringify(output.trim())}, 'vgs' output: ${JSON.stringify(checkOutput.trim())}`);
    }
  }

  private lv(disk: DiskRequest): { vg: string; lv: string } {
    if (!disk.unit) this.fail(`No volume group given for disk '${disk.name}'`);
    if (!LV_NAME.test(disk.name)) this.fail(`Invalid logical volume name '${disk.name}'`);
    return { vg: disk.unit, lv: disk.name };
  }

  override async createDisk(disk: DiskRequest, size: number): Promise<string> {
    const { vg, lv } = this.lv(disk);
    await this.must('lvcreate', [`-L${size}m`, `-n${lv}`, vg]);
    return `/dev/${vg}/${lv}`;
  }

  override async removeDisk(disk: DiskRequest): Promise<void> {
    const { vg, lv } = this.lv(disk);
    await this.must('lvremove', ['-f', `${vg}/${lv}`]);
  }

  override async growDisk(disk: DiskRequest, amount: number): Promise<void> {
    const { vg, lv } = this.lv(disk);
    await this.must('lvresize', ['-L', `+${amount}m`, `${vg}/${lv}`]);
  }

  override async attachDisk(disk: DiskRequest): Promise<string> {
    const { vg, lv } = this.lv(disk);
    const { stdout } = await this.must('lvs', ['--noheadings', '--units=m', '--nosuffix', '--separator=|', '-ovg_name,lv_name,lv_size,lv_attr', `${vg}/${lv}`]);
    const row = parseLvmTable(stdout, 4).find(([v, l, , attr]) => v === vg && l === lv && !attr.startsWith('v'));
    if (!row) this.fail(`Logical volume '${vg}/${lv}' does not exist`);
    return `/dev/${vg}/${lv}`;
  }

  override async exportDisk(disk: DiskRequest, destination: string): Promise<void> {
    copyFileSync(await this.attachDisk(disk), destination);
  }

  override async importDisk(disk: DiskRequest, source: string): Promise<string> {
    const path = await this.attachDisk(disk);
    copyFileSync(source, path);
    return path;
  }
}
