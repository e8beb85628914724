import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NodeGroup } from '@corral/model';
import { openSqliteDatabase, type SqliteHandle } from './sqlite-database';
import { SqliteConfigStore } from './sqlite-config-store';
import { jobsMigration, SqliteJobStore } from './sqlite-job-store';

const group = (name: string, tags: string[] = []): NodeGroup =>
  ({ uuid: `${name}-uuid`, serial_no: 0, ctime: 1, mtime: 1, tags, name, alloc_policy: 'preferred', ndparams: {}, diskparams: {}, ipolicy: {}, networks: {} }) as NodeGroup;

describe('SqliteJobStore', () => {
  let dir: string;
  let db: SqliteHandle;
  let config: SqliteConfigStore;
  let jobs: SqliteJobStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'corral-jobstore-'));
    db = openSqliteDatabase(join(dir, 'corral.db'), [jobsMigration]);
    config = new SqliteConfigStore(db);
    jobs = new SqliteJobStore(db, config);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('when jobs are saved in the same turn', () => {
    it('writes them in one transaction and keeps the last state of each', async () => {
      await Promise.all([jobs.save({ id: 1, archived: false, data: { v: 1 } }), jobs.save({ id: 2, archived: false, data: { v: 1 } }), jobs.save({ id: 1, archived: false, data: { v: 2 } })]);
      expect(await jobs.loadAll()).toEqual([
        { id: 1, archived: false, data: { v: 2 } },
        { id: 2, archived: false, data: { v: 1 } },
      ]);
      expect(await jobs.maxId()).toBe(2);
    });
  });

  describe('when a job is saved with config changes', () => {
    it('makes both durable together and shows the change in memory at once', async () => {
      const saved = jobs.save({ id: 7, archived: false, data: { status: 'success' } }, { put: [{ kind: 'nodegroup', object: group('g1', ['t']) }] });
      expect((await config.snapshot()).findByName('nodegroup', 'g1')!.tags).toEqual(['t']);
      await saved;
      const reopened = new SqliteConfigStore(db);
      expect((await reopened.snapshot()).findByName('nodegroup', 'g1')).toMatchObject({ tags: ['t'], serial_no: 1 });
      expect(await jobs.loadAll()).toEqual([{ id: 7, archived: false, data: { status: 'success' } }]);
    });
  });

  describe('when the transaction fails', () => {
    it('rejects every save of the batch and drops their staged config changes', async () => {
      const other = jobs.save({ id: 2, archived: false, data: {} }, { put: [{ kind: 'nodegroup', object: group('g3') }] });
      // a row that cannot be written makes the whole batch's transaction fail
      const broken = { ...group('g2'), ndparams: { size: BigInt(1) } } as NodeGroup;
      const saved = jobs.save({ id: 1, archived: false, data: {} }, { put: [{ kind: 'nodegroup', object: broken }] });
      expect((await config.snapshot()).findByName('nodegroup', 'g2')).toBeDefined();
      await expect(saved).rejects.toThrow('BigInt');
      await expect(other).rejects.toThrow('BigInt');
      expect((await config.snapshot()).findByName('nodegroup', 'g3')).toBeUndefined();
      expect(await jobs.loadAll()).toEqual([]);
      expect((await config.snapshot()).findByName('nodegroup', 'g2')).toBeUndefined();
    });
  });

  describe('when archived jobs are purged', () => {
    it('deletes only archived rows', async () => {
      await Promise.all([jobs.save({ id: 1, archived: true, data: {} }), jobs.save({ id: 2, archived: false, data: {} })]);
      await jobs.purgeArchived([1, 2]);
      expect((await jobs.loadAll()).map((j) => j.id)).toEqual([2]);
    });
  });
});
