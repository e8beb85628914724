import { ContainerModule } from 'inversify';
import { join } from 'node:path';
import { ServerSettings } from '@corral/contracts';
import { ConfigStore } from './config-store';
import { openSqliteDatabase, type Migration, type SqliteHandle } from './sqlite-database';
import { SqliteConfigStore } from './sqlite-config-store';
import { SqliteDatabase, SqliteMigrations } from './store-tokens';
import { JobStore } from './job-store';
import { jobsMigration, SqliteJobStore } from './sqlite-job-store';

/** File name of the embedded store inside the data directory. */
export const DATABASE_FILE = 'corral.db';

/**
 * Binds the embedded SQLite store: the database file in the data directory
 * (with every contributed migration applied) and the configuration store,
 * and the job store sharing its database.
 */
export const storeModule = new ContainerModule(({ bind }) => {
  bind<SqliteHandle>(SqliteDatabase)
    .toDynamicValue((ctx) => {
      const settings = ctx.get<ServerSettings>(ServerSettings);
      const migrations = [jobsMigration, ...ctx.getAll<Migration>(SqliteMigrations, { optional: true })];
      return openSqliteDatabase(join(settings.dataDir, DATABASE_FILE), migrations);
    })
    .inSingletonScope();
  bind<SqliteConfigStore>(SqliteConfigStore)
    .toDynamicValue((ctx) => new SqliteConfigStore(ctx.get<SqliteHandle>(SqliteDatabase)))
    .inSingletonScope();
  bind<ConfigStore>(ConfigStore).toService(SqliteConfigStore);
  bind<JobStore>(JobStore)
    .toDynamicValue((ctx) => new SqliteJobStore(ctx.get<SqliteHandle>(SqliteDatabase), ctx.get<SqliteConfigStore>(SqliteConfigStore)))
    .inSingletonScope();
});
