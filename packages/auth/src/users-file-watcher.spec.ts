import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@corral/contracts';
import { UsersFileWatcher } from './users-file-watcher';

class Lines implements Logger {
  readonly lines: string[] = [];
  info(m: string): void {
    this.lines.push(`INFO ${m}`);
  }
  warn(m: string): void {
    this.lines.push(`WARN ${m}`);
  }
  error(m: string): void {
    this.lines.push(`ERROR ${m}`);
  }
}

/** Polls until `check` holds, up to `ms`; returns how long it took. */
async function within(ms: number, check: () => boolean): Promise<number> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - start;
}

describe('UsersFileWatcher', () => {
  let dir: string;
  let file: string;
  let log: Lines;
  let watcher: UsersFileWatcher;
  const names = (): string[] => [...watcher.table().keys()];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'corral-auth-'));
    file = join(dir, 'users');
    log = new Lines();
    writeFileSync(file, 'alice a write\n');
    watcher = new UsersFileWatcher(file, log);
    watcher.start();
  });
  afterEach(() => {
    watcher.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('when started', () => {
    it('loads the file and logs how many users', () => {
      expect(names()).toEqual(['alice']);
      expect(log.lines).toEqual([`INFO Loaded 1 user(s) from ${file}`]);
    });
  });

  describe('when the file changes', () => {
    it('sees an edit in place within a second', async () => {
      writeFileSync(file, 'alice a write\nbob b\n');
      await within(2000, () => names().join() === 'alice,bob');
    });

    it('sees an atomic rename over the file within a second', async () => {
      writeFileSync(join(dir, 'users.tmp'), 'carol c\n');
      renameSync(join(dir, 'users.tmp'), file);
      await within(2000, () => names().join() === 'carol');
    });

    it('empties the table on delete and loads the re-created file', async () => {
      unlinkSync(file);
      await within(2000, () => names().length === 0);
      expect(log.lines.at(-1)).toBe(`WARN Users file ${file} cannot be read (ENOENT): nobody can authenticate until it exists`);
      writeFileSync(file, 'dave d\n');
      await within(2000, () => names().join() === 'dave');
    });

    it('follows the file after its directory is removed and re-created', async () => {
      rmSync(dir, { recursive: true, force: true });
      await within(2000, () => names().length === 0);
      mkdirSync(dir);
      writeFileSync(file, 'erin e\n');
      await within(3000, () => names().join() === 'erin');
    });
  });

  describe('when the new file cannot be parsed', () => {
    it('keeps the last good table and logs the bad line with its number', async () => {
      writeFileSync(file, '# users\nbob b\nmallory\n');
      await within(2000, () => log.lines.some((l) => l.includes('has errors')));
      expect(names()).toEqual(['alice']);
      expect(log.lines.slice(-2)).toEqual([
        `ERROR Users file ${file} line 3: expected "<user> <password> [options]", found only one field`,
        `ERROR Users file ${file} has errors; keeping the previous 1 user(s)`,
      ]);
    });

    it('keeps the last good table for invalid UTF-8', async () => {
      writeFileSync(file, Buffer.from([0x62, 0x6f, 0x62, 0x20, 0xff, 0xfe, 0x0a]));
      await within(2000, () => log.lines.some((l) => l.includes('not valid UTF-8')));
      expect(names()).toEqual(['alice']);
    });
  });
});

describe('UsersFileWatcher on a missing file', () => {
  it('starts with an empty table and picks the file up when it appears', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corral-auth-'));
    const file = join(dir, 'users');
    const log = new Lines();
    const watcher = new UsersFileWatcher(file, log);
    try {
      watcher.start();
      expect(watcher.table().size).toBe(0);
      writeFileSync(file, 'alice a\n');
      await within(2000, () => watcher.table().has('alice'));
    } finally {
      watcher.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
