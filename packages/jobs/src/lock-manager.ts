import type { LockMode, LockRequest } from '@corral/opcodes';

interface Held {
  mode: LockMode;
  owners: Set<number>;
}

interface Waiter {
  readonly owner: number;
  readonly priority: number;
  readonly seq: number;
  readonly locks: readonly LockRequest[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

const keyOf = (l: LockRequest): string => `${l.level}/${l.name}`;

/**
 * Shared/exclusive locks on cluster, node groups, nodes, instances and
 * networks. A job asks for all its locks at once and gets all or none;
 * waiters are served in (priority, arrival) order, and a waiter never jumps
 * an earlier one it conflicts with, so conflicting jobs serialise in order
 * while independent ones run at once.
 */
export class LockManager {
  private readonly held = new Map<string, Held>();
  private waiters: Waiter[] = [];
  private seq = 0;

  /** Resolves when every lock is granted; rejects with the signal's reason if it aborts first. */
  acquire(owner: number, locks: readonly LockRequest[], priority: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter: Waiter = { owner, priority, seq: this.seq++, locks: normalise(locks), resolve, reject };
      this.waiters.push(waiter);
      this.waiters.sort((a, b) => a.priority - b.priority || a.seq - b.seq);
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.waiters.indexOf(waiter);
          if (index < 0) return;
          this.waiters.splice(index, 1);
          reject(signal.reason);
          this.grant();
        },
        { once: true },
      );
      this.grant();
    });
  }

  /** Releases every lock the owner holds and serves whoever can now go. */
  release(owner: number): void {
    for (const [key, held] of this.held) {
      if (held.owners.delete(owner) && held.owners.size === 0) this.held.delete(key);
    }
    this.grant();
  }

  /** Locks currently held, `level/name` -> mode (for diagnostics and tests). */
  snapshot(): Record<string, LockMode> {
    return Object.fromEntries([...this.held].map(([k, h]) => [k, h.mode]));
  }

  /**
   * Every lock held or waited for, sorted by name, as Ganeti's lock query
   * shows them: mode (null when only waited for), owning job ids, and the
   * waiting jobs as `[mode, [job ids]]` pairs.
   */
  describe(): { name: string; mode: LockMode | null; owners: number[]; pending: [LockMode, number[]][] }[] {
    const names = new Set([...this.held.keys(), ...this.waiters.flatMap((w) => w.locks.map(keyOf))]);
    return [...names].sort().map((name) => {
      const held = this.held.get(name);
      const pending = new Map<LockMode, number[]>();
      for (const w of this.waiters) {
        const l = w.locks.find((x) => keyOf(x) === name);
        if (l) pending.set(l.mode, [...(pending.get(l.mode) ?? []), w.owner]);
      }
      return { name, mode: held?.mode ?? null, owners: held ? [...held.owners].sort((a, b) => a - b) : [], pending: [...pending] };
    });
  }

  private grant(): void {
    const blocked = new Map<string, LockMode>();
    const remaining: Waiter[] = [];
    for (const waiter of this.waiters) {
      const free = waiter.locks.every((l) => {
        const key = keyOf(l);
        const held = this.held.get(key);
        const reserved = blocked.get(key);
        const okHeld = !held || (held.mode === 'shared' && l.mode === 'shared');
        const okReserved = !reserved || (reserved === 'shared' && l.mode === 'shared');
        return okHeld && okReserved;
      });
      if (free) {
        for (const l of waiter.locks) {
          const key = keyOf(l);
          const held = this.held.get(key);
          if (held) held.owners.add(waiter.owner);
          else this.held.set(key, { mode: l.mode, owners: new Set([waiter.owner]) });
        }
        waiter.resolve();
      } else {
        remaining.push(waiter);
        for (const l of waiter.locks) {
          const key = keyOf(l);
          if (blocked.get(key) !== 'exclusive') blocked.set(key, l.mode);
        }
      }
    }
    this.waiters = remaining;
  }
}

/** One request per lock, exclusive winning over shared. */
function normalise(locks: readonly LockRequest[]): LockRequest[] {
  const byKey = new Map<string, LockRequest>();
  for (const l of locks) {
    const previous = byKey.get(keyOf(l));
    if (!previous || l.mode === 'exclusive') byKey.set(keyOf(l), l);
  }
  return [...byKey.values()];
}
