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
    this.current = this.load();
  }

  /** Drops staged changes that never reached the disk: the view becomes the database's again. */
  reloadSync(): ConfigSnapshot {
    this.current = this.load();
    return this.current;
  }

  private load(): ConfigSnapshot {
    const rows = this.db.prepare('SELECT kind, data FROM config_objects').all() as { kind: ConfigKind; data: string }[];
    return new ConfigSnapshot(rows.map((r) => ({ kind: r.kind, object: JSON.parse(r.data) })));
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
    const { puts, removes } = this.stamp(changes);
    this.db.transaction(() => this.writeRows(puts, removes))();
    this.current = this.current.withChanges(puts, removes);
    return this.current;
  }

  /**
   * Applies the changes to the in-memory view now and returns the writer of
   * their rows, to be run inside a later transaction (group commit: the job
   * queue batches many jobs' rows into one fsync). The caller must not
   * report the change as done before that transaction committed.
   */
  stageSync(changes: ConfigChanges): () => void {
    const { puts, removes } = this.stamp(changes);
    this.current = this.current.withChanges(puts, removes);
    return () => this.writeRows(puts, removes);
  }

  private stamp(changes: ConfigChanges): { puts: { kind: ConfigKind; object: Stamped }[]; removes: readonly { kind: ConfigKind; uuid: string }[] } {
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
    return { puts, removes: changes.remove ?? [] };
  }

  private writeRows(puts: readonly { kind: ConfigKind; object: Stamped }[], removes: readonly { kind: ConfigKind; uuid: string }[]): void {
    for (const { kind, object } of puts) this.upsert.run(kind, object.uuid, object.name ?? null, JSON.stringify(object));
    for (const { kind, uuid } of removes) this.remove.run(kind, uuid);
  }
}
