/** Levels of the lock hierarchy, outermost first (Ganeti's locking levels). */
export type LockLevel = 'cluster' | 'nodegroup' | 'node' | 'instance' | 'network';

/** Shared locks coexist; an exclusive lock excludes every other holder. */
export type LockMode = 'shared' | 'exclusive';

/** One lock an opcode needs for its whole run. */
export interface LockRequest {
  readonly level: LockLevel;
  /** Object name (`cluster` for the cluster level). */
  readonly name: string;
  readonly mode: LockMode;
}
