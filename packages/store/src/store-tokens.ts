/**
 * The open SQLite handle of the embedded store, shared by every table owner
 * (configuration, jobs) so that one transaction can span them.
 */
export const SqliteDatabase: unique symbol = Symbol.for('@corral/store/SqliteDatabase');

/** Schema steps contributed by packages that keep tables in the embedded store. */
export const SqliteMigrations: unique symbol = Symbol.for('@corral/store/SqliteMigrations');
