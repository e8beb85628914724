import { mkdtempSync, readdirSync, rmSync, statSync, statfsSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pluginRejection } from '@corral/contracts';
import { FileStorage } from './file-storage';
import { fileStorageDir } from './file-storage-dir';

const MIB = 1048576;

/** Every entry below `dir`: directories end in `/`, files map to their size in bytes. */
function tree(dir: string): Record<string, number | '/'> {
  const out: Record<string, number | '/'> = {};
  const walk = (d: string, prefix: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        out[`${rel}/`] = '/';
        walk(join(d, entry.name), rel);
      } else out[rel] = statSync(join(d, entry.name)).size;
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out;
}

describe('FileStorage', () => {
  let nodeDir: string;
  let storage: FileStorage;

  beforeEach(() => {
    nodeDir = mkdtempSync(join(tmpdir(), 'corral-file-storage-'));
    storage = new FileStorage(fileStorageDir(nodeDir));
  });
  afterEach(() => rmSync(nodeDir, { recursive: true, force: true }));

  describe('when a disk is created', () => {
    it('makes a sparse file of the size under the node file-storage directory', async () => {
      const path = await storage.createDisk({ name: 'inst1/disk0' }, 1024);
      expect(path).toBe(join(nodeDir, 'file-storage', 'inst1', 'disk0'));
      expect(tree(nodeDir)).toEqual({ 'file-storage/': '/', 'file-storage/inst1/': '/', 'file-storage/inst1/disk0': 1024 * MIB });
      expect(statSync(path).blocks * 512).toBeLessThan(MIB);
    });

    it('refuses a disk that exists and a name outside the directory', async () => {
      await storage.createDisk({ name: 'inst1/disk0' }, 1);
      expect((await pluginRejection(storage.createDisk({ name: 'inst1/disk0' }, 2))).message).toBe(
        `File storage disk '${join(nodeDir, 'file-storage', 'inst1', 'disk0')}' already exists`,
      );
      expect((await pluginRejection(storage.createDisk({ name: '../escape' }, 2))).message).toBe("Invalid disk name '../escape'");
      expect(tree(nodeDir)).toEqual({ 'file-storage/': '/', 'file-storage/inst1/': '/', 'file-storage/inst1/disk0': MIB });
    });
  });

  describe('when a disk grows', () => {
    it('extends the file by the amount', async () => {
      await storage.createDisk({ name: 'inst1/disk0' }, 100);
      await storage.growDisk({ name: 'inst1/disk0' }, 28);
      expect(tree(nodeDir)).toEqual({ 'file-storage/': '/', 'file-storage/inst1/': '/', 'file-storage/inst1/disk0': 128 * MIB });
    });
  });

  describe('when disks are removed', () => {
    it('removes the file, then the instance directory with its last disk', async () => {
      await storage.createDisk({ name: 'inst1/disk0' }, 1);
      await storage.createDisk({ name: 'inst1/disk1' }, 2);
      await storage.removeDisk({ name: 'inst1/disk0' });
      expect(tree(nodeDir)).toEqual({ 'file-storage/': '/', 'file-storage/inst1/': '/', 'file-storage/inst1/disk1': 2 * MIB });
      await storage.removeDisk({ name: 'inst1/disk1' });
      expect(tree(nodeDir)).toEqual({ 'file-storage/': '/' });
    });
  });

  describe('when a disk is exported and imported', () => {
    it('copies the content out and back in as a new disk', async () => {
      const source = join(nodeDir, 'image');
      writeFileSync(source, 'x'.repeat(4096));
      await storage.importDisk({ name: 'inst2/disk0' }, source);
      await storage.exportDisk({ name: 'inst2/disk0' }, join(nodeDir, 'exported'));
      expect(tree(nodeDir)).toEqual({
        'file-storage/': '/',
        'file-storage/inst2/': '/',
        'file-storage/inst2/disk0': 4096,
        image: 4096,
        exported: 4096,
      });
    });

    it('refuses to attach a disk that does not exist', async () => {
      expect((await pluginRejection(storage.attachDisk({ name: 'ghost/disk0' }))).kind).toBe('storage');
    });
  });

  describe('when the units are listed', () => {
    it('reports the directory with statfs figures and the apparent size of its files', async () => {
      await storage.createDisk({ name: 'inst1/disk0' }, 10);
      const units = await storage.listUnits();
      const fs = statfsSync(join(nodeDir, 'file-storage'));
      expect(units).toEqual([
        {
          name: join(nodeDir, 'file-storage'),
          size: Math.round((fs.blocks * fs.bsize) / MIB),
          used: 10,
          free: Math.round((fs.bavail * fs.bsize) / MIB),
          allocatable: true,
        },
      ]);
    });

    it('lists nothing for another unit name', async () => {
      expect(await storage.listUnits('/elsewhere')).toEqual([]);
    });
  });

  describe('when asked to modify or repair', () => {
    it('accepts no changes and refuses the rest with Ganeti messages', async () => {
      await storage.modifyUnit('x', {});
      expect((await pluginRejection(storage.modifyUnit('x', { allocatable: false }))).message).toBe("Storage units of type 'file' can not be modified");
      expect((await pluginRejection(storage.repairUnit('x'))).message).toBe("Storage units of type 'file' can not be repaired");
    });
  });
});
