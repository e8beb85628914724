import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** A named schema step; each runs once per database, in the order given. */
export interface Migration {
  readonly name: string;
  up(db: Database.Database): void;
}

/** The handle type, re-exported so callers need no direct better-sqlite3 import. */
export type SqliteHandle = Database.Database;

const coreMigrations: readonly Migration[] = [
  {
    name: 'store/001-config-objects',
    up: (db) =>
      db.exec(`
        CREATE TABLE config_objects (
          kind TEXT NOT NULL,
          uuid TEXT NOT NULL,
          name TEXT,
          data TEXT NOT NULL,
          PRIMARY KEY (kind, uuid)
        ) WITHOUT ROWID;
      `),
  },
];

/**
 * Opens (creating if needed) the SQLite file in WAL mode with fsync on every
 * commit (`synchronous = FULL`), and applies the migrations not yet applied.
 */
export function openSqliteDatabase(file: string, migrations: readonly Migration[] = []): SqliteHandle {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)');
  const applied = new Set((db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name));
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  for (const migration of [...coreMigrations, ...migrations]) {
    if (applied.has(migration.name)) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.name, Date.now() / 1000);
    })();
  }
  return db;
}
