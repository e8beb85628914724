import type { ConfigKind, ConfigKinds } from './config-kind';

/** One object written: created when its uuid is new, replaced otherwise. */
export interface ConfigPut<K extends ConfigKind = ConfigKind> {
  readonly kind: K;
  readonly object: ConfigKinds[K];
}

/** One object removed, by uuid. */
export interface ConfigRemove {
  readonly kind: ConfigKind;
  readonly uuid: string;
}

/**
 * A set of configuration changes that commit together or not at all. The
 * store stamps `serial_no` and `mtime` on every object it writes.
 */
export interface ConfigChanges {
  readonly put?: readonly ConfigPut[];
  readonly remove?: readonly ConfigRemove[];
}
