import type { SqliteHandle } from './sqlite-database';
import type { ConfigChanges } from './config-changes';
import type { ConfigKind } from './config-kind';
import { ConfigSnapshot } from './config-snapshot';
import type { ConfigStore } from './config-store';

type Stamped = { uuid: string; name?: string; serial_no?: number; ctime?: number; mtime?: number };

/**
 * The embedded configuration store: one row per object in SQLite, the whole
 * configuration held in memory for reads. A commit is one transaction; the
 * in-memory view changes only after it succeeded.
 */
export class SqliteConfigStore implements ConfigStore {
  private current: ConfigSnapshot;
  private readonly upsert;
  private readonly remove;

  constructor(
    private readonly db: SqliteHandle,
    private readonly now: () => number = () => Date.now() / 1000,
  ) {
    this.upsert = db.prepare(
      'INSERT INTO config_objects (kind, uuid, name, data) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (kind, uuid) DO UPDATE SET name = excluded.name, data = excluded.data',
    );
    this.remove = db.prepare('DELETE FROM config_objects WHERE kind = ? AND uuid = ?');
    const rows = db.prepare('SELECT kind, data FROM config_objects').all() as { kind: ConfigKind; data: string }[];
    this.current = new ConfigSnapshot(rows.map((r) => ({ kind: r.kind, object: JSON.parse(r.data) })));
  }

  async snapshot(): Promise<ConfigSnapshot> {
    return this.current;
  }

  async commit(changes: ConfigChanges): Promise<ConfigSnapshot> {
    return this.commitSync(changes);
  }

  /**
   * The synchronous core of {@link commit}, for callers that must join the
   * config change to another statement in one SQLite transaction (the job
   * queue does, so a job's status and its config changes land together).
   */
  commitSync(changes: ConfigChanges): ConfigSnapshot {
    const now = this.now();
    const puts = (changes.put ?? []).map(({ kind, object }) => {
      const previous = this.current.get(kind, object.uuid) as Stamped | undefined;
      const stamped: Stamped = {
        ...(object as Stamped),
        serial_no: (previous?.serial_no ?? 0) + 1,
        ctime: previous?.ctime ?? (object as Stamped).ctime ?? now,
        mtime: now,
      };
      return { kind, object: stamped };
    });
    const removes = changes.remove ?? [];
    this.db.transaction(() => {
      for (const { kind, object } of puts) this.upsert.run(kind, object.uuid, object.name ?? null, JSON.stringify(object));
      for (const { kind, uuid } of removes) this.remove.run(kind, uuid);
    })();
    this.current = this.current.withChanges(puts, removes);
    return this.current;
  }
}
