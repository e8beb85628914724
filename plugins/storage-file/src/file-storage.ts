import { copyFileSync, existsSync, lstatSync, mkdirSync, openSync, closeSync, ftruncateSync, readdirSync, rmdirSync, statSync, statfsSync, unlinkSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { PluginError, type DiskRequest, type Storage, type StorageUnit, type StorageUnitChanges } from '@corral/contracts';
import { bytesToMib } from './bytes-to-mib';

const MIB = 1048576;

/** Sum of the sizes of every file below `dir`, as Ganeti's lstat walk counts them. */
function usedBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += usedBytes(path);
    else total += lstatSync(path).size;
  }
  return total;
}

/**
 * File storage on one node (Ganeti's `file` type): one storage unit, the
 * node's storage directory; disks are sparse files below it named by the
 * request (e.g. `inst1.example.com/disk0`).
 */
export class FileStorage implements Storage {
  constructor(
    readonly root: string,
    readonly type: string = 'file',
  ) {}

  private fail(message: string): never {
    throw new PluginError('storage', message, this.type);
  }

  private path(disk: DiskRequest): string {
    if (disk.unit !== undefined && normalize(disk.unit) !== normalize(this.root)) this.fail(`Unknown file storage directory '${disk.unit}'`);
    const rel = normalize(disk.name);
    if (disk.name === '' || isAbsolute(disk.name) || rel === '..' || rel.startsWith(`..${sep}`) || rel === '.') this.fail(`Invalid disk name '${disk.name}'`);
    return join(this.root, rel);
  }

  async listUnits(name?: string): Promise<StorageUnit[]> {
    if (name !== undefined && normalize(name) !== normalize(this.root)) return [];
    mkdirSync(this.root, { recursive: true });
    const fs = statfsSync(this.root);
    return [
      {
        name: this.root,
        size: bytesToMib(fs.blocks * fs.bsize),
        used: bytesToMib(usedBytes(this.root)),
        free: bytesToMib(fs.bavail * fs.bsize),
        allocatable: true,
      },
    ];
  }

  async modifyUnit(_name: string, changes: StorageUnitChanges): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    this.fail(`Storage units of type '${this.type}' can not be modified`);
  }

  async repairUnit(): Promise<void> {
    this.fail(`Storage units of type '${this.type}' can not be repaired`);
  }

  async createDisk(disk: DiskRequest, size: number): Promise<string> {
    const path = this.path(disk);
    if (existsSync(path)) this.fail(`File storage disk '${path}' already exists`);
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'wx');
    try {
      ftruncateSync(fd, size * MIB);
    } finally {
      closeSync(fd);
    }
    return path;
  }

  async removeDisk(disk: DiskRequest): Promise<void> {
    const path = this.path(disk);
    if (!existsSync(path)) return; // Ganeti: removing an absent file disk succeeds
    unlinkSync(path);
    // Remove the instance's directory once its last disk is gone.
    for (let dir = dirname(path); dir !== normalize(this.root) && dir.startsWith(this.root); dir = dirname(dir)) {
      if (readdirSync(dir).length > 0) break;
      rmdirSync(dir);
    }
  }

  async growDisk(disk: DiskRequest, amount: number): Promise<void> {
    const path = await this.attachDisk(disk);
    const fd = openSync(path, 'r+');
    try {
      ftruncateSync(fd, statSync(path).size + amount * MIB);
    } finally {
      closeSync(fd);
    }
  }

  async attachDisk(disk: DiskRequest): Promise<string> {
    const path = this.path(disk);
    if (!existsSync(path)) this.fail(`File storage disk '${path}' does not exist`);
    return path;
  }

  async exportDisk(disk: DiskRequest, destination: string): Promise<void> {
    copyFileSync(await this.attachDisk(disk), destination);
  }

  async importDisk(disk: DiskRequest, source: string): Promise<string> {
    const path = this.path(disk);
    if (existsSync(path)) this.fail(`File storage disk '${path}' already exists`);
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(source, path);
    return path;
  }
}
