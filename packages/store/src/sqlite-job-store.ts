import type { ConfigChanges } from './config-changes';
import type { JobStore } from './job-store';
import type { SqliteConfigStore } from './sqlite-config-store';
import type { Migration, SqliteHandle } from './sqlite-database';
import type { StoredJob } from './stored-job';

/** The `jobs` table, in the same database file as the configuration. */
export const jobsMigration: Migration = {
  name: 'store/002-jobs',
  up: (db) =>
    db.exec(`
      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        archived INTEGER NOT NULL DEFAULT 0,
        data TEXT NOT NULL
      );
    `),
};

interface Pending {
  readonly write: () => void;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The embedded job store with group commit: every `save` made during one
 * turn of the event loop lands in a single transaction (one fsync), and each
 * caller is answered only after it committed. Config changes given with a job
 * are applied to the in-memory configuration at once and written in the same
 * transaction as the job row, so job state and configuration always agree.
 */
export class SqliteJobStore implements JobStore {
  private pending: Pending[] = [];
  private scheduled = false;
  private readonly upsert;
  private readonly markArchived;
  private readonly selectOne;

  constructor(
    private readonly db: SqliteHandle,
    private readonly config: SqliteConfigStore,
  ) {
    this.upsert = db.prepare(
      'INSERT INTO jobs (id, archived, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET archived = excluded.archived, data = excluded.data',
    );
    this.markArchived = db.prepare('UPDATE jobs SET archived = 1 WHERE id = ?');
    this.selectOne = db.prepare('SELECT id, archived, data FROM jobs WHERE id = ?');
  }

  async loadUnarchived(): Promise<StoredJob[]> {
    const rows = this.db.prepare('SELECT id, archived, data FROM jobs WHERE archived = 0 ORDER BY id').all() as { id: number; archived: number; data: string }[];
    return rows.map((r) => ({ id: r.id, archived: false, data: JSON.parse(r.data) }));
  }

  async load(id: number): Promise<StoredJob | undefined> {
    const row = this.selectOne.get(id) as { id: number; archived: number; data: string } | undefined;
    return row && { id: row.id, archived: row.archived !== 0, data: JSON.parse(row.data) };
  }

  async countArchived(): Promise<number> {
    const row = this.db.prepare('SELECT count(*) AS n FROM jobs WHERE archived = 1').get() as { n: number };
    return row.n;
  }

  archive(id: number): Promise<void> {
    return this.enqueue(() => void this.markArchived.run(id));
  }

  async trimArchived(count: number): Promise<number[]> {
    if (count <= 0) return [];
    const ids = (this.db.prepare('SELECT id FROM jobs WHERE archived = 1 ORDER BY id LIMIT ?').all(count) as { id: number }[]).map((r) => r.id);
    await this.purgeArchived(ids);
    return ids;
  }

  async loadAll(): Promise<StoredJob[]> {
    const rows = this.db.prepare('SELECT id, archived, data FROM jobs ORDER BY id').all() as { id: number; archived: number; data: string }[];
    return rows.map((r) => ({ id: r.id, archived: r.archived !== 0, data: JSON.parse(r.data) }));
  }

  async maxId(): Promise<number> {
    const row = this.db.prepare('SELECT max(id) AS id FROM jobs').get() as { id: number | null };
    return row.id ?? 0;
  }

  save(job: StoredJob, config?: ConfigChanges): Promise<void> {
    const json = JSON.stringify(job.data);
    let writeConfig: (() => void) | undefined;
    try {
      if (config && ((config.put?.length ?? 0) > 0 || (config.remove?.length ?? 0) > 0)) writeConfig = this.config.stageSync(config);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.enqueue(() => {
      writeConfig?.();
      this.upsert.run(job.id, job.archived ? 1 : 0, json);
    });
  }

  /** Queues a write for the next group commit; resolves once it committed. */
  private enqueue(write: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async purgeArchived(ids: readonly number[]): Promise<void> {
    const del = this.db.prepare('DELETE FROM jobs WHERE id = ? AND archived = 1');
    this.db.transaction(() => {
      for (const id of ids) del.run(id);
    })();
  }

  /** Writes everything pending in one transaction; later rows of a job replace earlier ones. */
  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const item of batch) item.write();
      })();
    } catch (error) {
      // the staged config changes of this batch are not on disk: forget them
      this.config.reloadSync();
      for (const item of batch) item.reject(error);
      return;
    }
    for (const item of batch) item.resolve();
  }
}
