import type { LockRequest } from './lock-request';

/** The exclusive lock on the instance an opcode names. */
export function instanceLock(name: unknown): LockRequest[] {
  return [{ level: 'instance', name: String(name), mode: 'exclusive' }];
}
