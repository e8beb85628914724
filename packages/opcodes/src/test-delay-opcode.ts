import { GanetiError } from '@corral/model';
import type { LockRequest } from './lock-request';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/** Sleeps `ms`, rejecting early when the signal aborts. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new GanetiError('OpExecError', 'Interrupted'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new GanetiError('OpExecError', 'Interrupted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * OP_TEST_DELAY, Ganeti's test opcode: sleeps `duration` seconds on the
 * master and/or the given nodes, `repeat` times. With `no_locks` false it
 * holds the named nodes (and the master when `on_master`) exclusively, which
 * makes it the tool for lock and cancel tests.
 */
export const testDelayOpcode: OpcodeDefinition = {
  id: 'OP_TEST_DELAY',
  touchesNodes: true,
  summaryField: 'duration',
  params: [
    { name: 'duration', check: ht.nonNegative },
    { name: 'on_master', check: ht.bool, default: true },
    { name: 'on_nodes', check: ht.listOf(ht.nonEmptyString), default: () => [] },
    { name: 'on_node_uuids', check: ht.maybe(ht.listOf(ht.nonEmptyString)), default: null },
    { name: 'repeat', check: (v) => ht.int(v) && (v as number) >= 0, default: 0 },
    { name: 'interruptible', check: ht.bool, default: false },
    { name: 'no_locks', check: ht.bool, default: true },
  ],
  locks(op, snapshot) {
    if (op.no_locks) return [];
    const names = new Set(op.on_nodes as string[]);
    if (op.on_master) {
      const master = snapshot.list('cluster')[0]?.master;
      if (master) names.add(master);
    }
    return [...names].map((name): LockRequest => ({ level: 'node', name, mode: 'exclusive' }));
  },
  checkPrereq(op, ctx) {
    for (const name of op.on_nodes as string[]) {
      if (!ctx.snapshot.findByName('node', name)) throw GanetiError.prereq(`Node '${name}' not known`, 'unknown_entity');
    }
  },
  async exec(op, ctx) {
    const rounds = Math.max(1, op.repeat as number);
    for (let i = 0; i < rounds; i++) {
      if ((op.repeat as number) > 0) ctx.feedback(`Test delay iteration ${i}/${op.repeat as number}`);
      if (op.on_master || (op.on_nodes as string[]).length > 0) await delay((op.duration as number) * 1000, ctx.signal);
    }
    return { result: null };
  },
};
