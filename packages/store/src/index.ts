export { ConfigStore } from './config-store';
export { ConfigSnapshot } from './config-snapshot';
export type { ConfigChanges, ConfigPut, ConfigRemove } from './config-changes';
export { configKinds, type ConfigKind, type ConfigKinds } from './config-kind';
export { openSqliteDatabase, type Migration, type SqliteHandle } from './sqlite-database';
export { SqliteConfigStore } from './sqlite-config-store';
export { SqliteDatabase, SqliteMigrations } from './store-tokens';
export { storeModule, DATABASE_FILE } from './store-module';
