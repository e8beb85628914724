/**
 * One entry of a users file. `password` is kept as written (with its
 * `{SCHEME}` prefix, if any) because the scheme is only interpreted when a
 * password is checked.
 */
export interface RapiUser {
  readonly name: string;
  readonly password: string;
  /** Options from the third field (`write`, `read`); unknown ones grant nothing. */
  readonly options: ReadonlySet<string>;
}

/** Users by name (names are case-sensitive), as loaded from one users file. */
export type UsersTable = ReadonlyMap<string, RapiUser>;

/** The table in which nobody can authenticate (a missing users file). */
export const EMPTY_USERS_TABLE: UsersTable = new Map();
