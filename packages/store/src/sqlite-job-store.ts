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

  constructor(
    private readonly db: SqliteHandle,
    private readonly config: SqliteConfigStore,
  ) {
    this.upsert = db.prepare(
      'INSERT INTO jobs (id, archived, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET archived = excluded.archived, data = excluded.data',
    );
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
    return new Promise<void>((resolve, reject) => {
      this.pending.push({
        write: () => {
          writeConfig?.();
          this.upsert.run(job.id, job.archived ? 1 : 0, json);
        },
        resolve,
        reject,
      });
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
