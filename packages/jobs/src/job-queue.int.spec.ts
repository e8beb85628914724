import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@corral/contracts';
import { createCluster, type Instance, type Node, type NodeGroup } from '@corral/model';
import { builtinOpcodes, OpcodeRegistry, type OpInput } from '@corral/opcodes';
import { jobsMigration, openSqliteDatabase, SqliteConfigStore, SqliteJobStore, type SqliteHandle } from '@corral/store';
import { JobQueue } from './job-queue';
import type { JobQueueOptions } from './job-queue-options';

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const registry = new OpcodeRegistry(builtinOpcodes);

interface Harness {
  readonly dir: string;
  readonly db: SqliteHandle;
  readonly config: SqliteConfigStore;
  readonly queue: JobQueue;
  close(): Promise<void>;
}

function seedConfig(config: SqliteConfigStore): void {
  const now = Date.now() / 1000;
  const cluster = createCluster({
    name: 'test.cluster',
    masterNode: 'node1',
    uuid: 'c-uuid',
    now,
    enabledHypervisors: ['fake'],
    enabledDiskTemplates: ['diskless'],
    fileStorageDir: '/tmp/f',
    sharedFileStorageDir: '/tmp/s',
    volumeGroupName: null,
    masterNetdev: 'lo',
    defaultIallocator: '',
  });
  const group = { uuid: 'g-uuid', serial_no: 1, ctime: now, mtime: now, tags: [], name: 'default', alloc_policy: 'preferred', ndparams: {}, diskparams: {}, ipolicy: {}, networks: {} } as NodeGroup;
  const node = (name: string): Node =>
    ({ uuid: `${name}-uuid`, serial_no: 1, ctime: now, mtime: now, tags: [], name, primary_ip: '127.0.0.1', secondary_ip: '127.0.0.1', master_candidate: true, offline: false, drained: false, master_capable: true, vm_capable: true, group: 'g-uuid', ndparams: {}, powered: true, node_dir: '/tmp/n' }) as Node;
  const instance = { uuid: 'i-uuid', serial_no: 1, ctime: now, mtime: now, tags: ['old'], name: 'inst1', primary_node: 'node1-uuid', secondary_nodes: [], os: 'debian', hypervisor: 'fake', disk_template: 'diskless', disks: [], nics: [], beparams: {}, hvparams: {}, osparams: {}, osparams_private: {}, admin_state: 'down', admin_state_source: 'admin', network_port: null, oper_state: false, oper_ram: null, oper_vcpus: null } as Instance;
  config.commitSync({
    put: [
      { kind: 'cluster', object: cluster },
      { kind: 'nodegroup', object: group },
      { kind: 'node', object: node('node1') },
      { kind: 'node', object: node('node2') },
      { kind: 'instance', object: instance },
    ],
  });
}

async function open(dir: string, options: JobQueueOptions = {}, seed = true): Promise<Harness> {
  const db = openSqliteDatabase(join(dir, 'corral.db'), [jobsMigration]);
  const config = new SqliteConfigStore(db);
  if (seed) seedConfig(config);
  const queue = new JobQueue(new SqliteJobStore(db, config), config, registry, silent, options);
  await queue.start();
  return {
    dir,
    db,
    config,
    queue,
    close: async () => {
      await queue.stop();
      db.close();
    },
  };
}

const op = (id: string, fields: Record<string, unknown>): OpInput => registry.build(id, fields);
const tagSet = (tags: string[], extra: Record<string, unknown> = {}): OpInput => op('OP_TAGS_SET', { kind: 'instance', name: 'inst1', tags, ...extra });
const delay = (seconds: number, extra: Record<string, unknown> = {}): OpInput => op('OP_TEST_DELAY', { duration: seconds, no_locks: false, ...extra });

async function finished(queue: JobQueue, id: number): Promise<string> {
  for (;;) {
    const change = await queue.waitForChange(id, ['status'], null, null, 10_000);
    const status = change!.job_info[0] as string;
    if (['success', 'error', 'canceled'].includes(status)) return status;
    // canceling is answered at once (as Ganeti does): give the worker a moment
    if (status === 'canceling') await new Promise((r) => setTimeout(r, 5));
    else await queue.waitForChange(id, ['status'], [status], Number.MAX_SAFE_INTEGER, 10_000);
  }
}

const ms = (ts: unknown): number => {
  const [s, us] = ts as [number, number];
  return s * 1000 + us / 1000;
};

describe('JobQueue', () => {
  let dir: string;
  let h: Harness;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corral-jobs-'));
    h = await open(dir);
  });
  afterEach(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('when a tag job runs to success', () => {
    it('goes queued -> success with per-opcode status, result, timestamps and the config change', async () => {
      const id = await h.queue.submit([tagSet(['a', 'b'])]);
      expect(id).toBe(1);
      expect(await finished(h.queue, id)).toBe('success');
      const [status, opstatus, opresult, summary, received, start, end] = h.queue.fields(id, ['status', 'opstatus', 'opresult', 'summary', 'received_ts', 'start_ts', 'end_ts'])!;
      expect([status, opstatus, opresult, summary]).toEqual(['success', ['success'], [null], ['TAGS_SET']]);
      for (const ts of [received, start, end]) expect(ts).toEqual([expect.any(Number), expect.any(Number)]);
      expect(ms(received)).toBeLessThanOrEqual(ms(start));
      expect(ms(start)).toBeLessThanOrEqual(ms(end));
      expect((await h.config.snapshot()).findByName('instance', 'inst1')!.tags).toEqual(['a', 'b', 'old']);
    });

    it('appends the gnt:opcode reason entry with the job id and index', async () => {
      const id = await h.queue.submit([tagSet(['a'])]);
      const [ops] = h.queue.fields(id, ['ops'])! as [Record<string, unknown>[]];
      expect(ops[0]!.reason).toEqual([['gnt:opcode:tags_set', `job=${id};index=0`, expect.any(Number)]]);
    });
  });

  describe('when an opcode fails', () => {
    it('encodes the error and fails the later opcodes with Preceding opcode failed, changing nothing', async () => {
      const id = await h.queue.submit([tagSet(['x y']), tagSet(['ok'])]);
      expect(await finished(h.queue, id)).toBe('error');
      expect(h.queue.fields(id, ['opstatus', 'opresult'])).toEqual([
        ['error', 'error'],
        [
          ['TagError', ['Tag contains invalid characters']],
          ['OpExecError', ['Preceding opcode failed']],
        ],
      ]);
      expect((await h.config.snapshot()).findByName('instance', 'inst1')!.tags).toEqual(['old']);
    });

    it('classifies an unknown object as unknown_entity', async () => {
      const id = await h.queue.submit([op('OP_TAGS_SET', { kind: 'node', name: 'nosuch', tags: ['a'] })]);
      expect(await finished(h.queue, id)).toBe('error');
      expect(h.queue.fields(id, ['opresult'])).toEqual([[['OpPrereqError', ["Node 'nosuch' not known", 'unknown_entity']]]]);
    });
  });

  describe('when a job is dry-run', () => {
    it('runs the checks, succeeds and changes nothing', async () => {
      const id = await h.queue.submit([tagSet(['dry'], { dry_run: true })]);
      expect(await finished(h.queue, id)).toBe('success');
      expect((await h.config.snapshot()).findByName('instance', 'inst1')!.tags).toEqual(['old']);
    });

    it('still fails on a failing check', async () => {
      const id = await h.queue.submit([op('OP_TAGS_DEL', { kind: 'instance', name: 'inst1', tags: ['absent'], dry_run: true })]);
      expect(await finished(h.queue, id)).toBe('error');
      expect(h.queue.fields(id, ['opresult'])).toEqual([[['OpPrereqError', ["Tag(s) 'absent' not found", 'unknown_entity']]]]);
    });
  });

  describe('when two jobs conflict and a third is independent', () => {
    it('serialises the conflicting ones and runs the independent one concurrently', async () => {
      const a = await h.queue.submit([delay(0.3, { on_nodes: ['node1'], on_master: false })]);
      const b = await h.queue.submit([delay(0.05, { on_nodes: ['node1'], on_master: false })]);
      const c = await h.queue.submit([delay(0.05, { on_nodes: ['node2'], on_master: false })]);
      await Promise.all([a, b, c].map((id) => finished(h.queue, id)));
      const [[aEnd]] = h.queue.fields(a, ['opend']) as [[unknown]];
      const [[bExec]] = h.queue.fields(b, ['opexec']) as [[unknown]];
      const [[cEnd]] = h.queue.fields(c, ['opend']) as [[unknown]];
      expect(ms(bExec)).toBeGreaterThanOrEqual(ms(aEnd));
      expect(ms(cEnd)).toBeLessThan(ms(aEnd));
    });
  });

  describe('when a job is cancelled', () => {
    it('cancels a job waiting for a lock: it ends canceled and never runs (J1)', async () => {
      const first = await h.queue.submit([delay(0.3)]);
      const second = await h.queue.submit([delay(0.3)]);
      await h.queue.waitForChange(second, ['status'], ['queued'], null, 5000);
      expect(h.queue.statusOf(second)).toBe('waiting');
      expect(await h.queue.cancel(second)).toEqual([true, `Job ${second} will be canceled`]);
      expect(await finished(h.queue, second)).toBe('canceled');
      expect(h.queue.fields(second, ['opstatus', 'opresult', 'opexec'])).toEqual([['canceled'], ['Job canceled by request'], [null]]);
      expect(await finished(h.queue, first)).toBe('success');
      expect(await h.queue.cancel(first)).toEqual([false, `Job ${first} is no longer waiting in the queue`]);
    });

    it('dequeues a job still queued at once', async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'corral-jobs-'));
      h = await open(dir, { maxRunning: 1 });
      const first = await h.queue.submit([delay(0.2)]);
      const second = await h.queue.submit([tagSet(['never'])]);
      expect(h.queue.statusOf(second)).toBe('queued');
      expect(await h.queue.cancel(second)).toEqual([true, `Job ${second} canceled`]);
      expect(h.queue.fields(second, ['status', 'opresult'])).toEqual(['canceled', ['Job canceled by request']]);
      await finished(h.queue, first);
      expect((await h.config.snapshot()).findByName('instance', 'inst1')!.tags).toEqual(['old']);
    });

    it('answers undefined for an unknown job', async () => {
      expect(await h.queue.cancel(999)).toBeUndefined();
    });
  });

  describe('when waiting for a change', () => {
    it('wakes on the log entry itself, within 50 ms', async () => {
      const id = await h.queue.submit([delay(0.2, { repeat: 2, no_locks: true })]);
      let entries: unknown[][] = [];
      let wokeAt = 0;
      while (entries.length === 0) {
        const [status] = h.queue.fields(id, ['status'])!;
        const change = await h.queue.waitForChange(id, ['status'], [status], 0, 10_000);
        wokeAt = Date.now();
        entries = change!.log_entries;
        if (['success', 'error', 'canceled'].includes(h.queue.statusOf(id)!)) break;
      }
      expect(h.queue.fields(id, ['status', 'opresult'])).toEqual(['running', [null]]);
      expect(entries[0]!.slice(2)).toEqual(['message', 'Test delay iteration 0/2']);
      expect(wokeAt - ms(entries[0]![1])).toBeLessThan(50);
      await finished(h.queue, id);
    });

    it('returns the unchanged values after the timeout', async () => {
      const id = await h.queue.submit([delay(0.5)]);
      await h.queue.waitForChange(id, ['status'], ['queued'], null, 5000);
      await h.queue.waitForChange(id, ['status'], ['waiting'], null, 5000);
      expect(await h.queue.waitForChange(id, ['status'], ['running'], null, 50)).toEqual({ job_info: ['running'], log_entries: [] });
      await finished(h.queue, id);
    });

    it('returns at once for a finished job', async () => {
      const id = await h.queue.submit([tagSet(['w'])]);
      await finished(h.queue, id);
      expect(await h.queue.waitForChange(id, ['status', 'id'], ['success', id], 99, 10_000)).toEqual({ job_info: ['success', id], log_entries: [] });
    });
  });

  describe('when jobs depend on others', () => {
    it('fails a job whose dependency failed', async () => {
      const bad = await h.queue.submit([tagSet(['x y'])]);
      const dependent = await h.queue.submit([tagSet(['d'], { depends: [[bad, ['success']]] })]);
      expect(await finished(h.queue, dependent)).toBe('error');
      expect(h.queue.fields(dependent, ['opresult'])).toEqual([[['OpExecError', [`Dependency error: job ${bad} finished with status 'error', not one of 'success'`]]]]);
    });

    it('cancels a job whose dependency was canceled while queued', async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'corral-jobs-'));
      h = await open(dir, { maxRunning: 1 });
      const blocker = await h.queue.submit([delay(0.1, { no_locks: true })]);
      const dep = await h.queue.submit([tagSet(['dep'])]);
      const dependent = await h.queue.submit([tagSet(['dependent'], { depends: [[dep, ['success']]] })]);
      expect(await h.queue.cancel(dep)).toEqual([true, `Job ${dep} canceled`]);
      expect(await finished(h.queue, dependent)).toBe('canceled');
      expect(h.queue.fields(dependent, ['opresult'])).toEqual([[`Dependency job ${dep} was canceled`]]);
      await finished(h.queue, blocker);
    });

    it('runs a job only after the one it depends on', async () => {
      const first = await h.queue.submit([delay(0.1, { no_locks: true })]);
      const second = await h.queue.submit([tagSet(['after'], { depends: [[first, []]] })]);
      expect(await finished(h.queue, second)).toBe('success');
      const [[firstEnd]] = h.queue.fields(first, ['opend']) as [[unknown]];
      const [[secondStart]] = h.queue.fields(second, ['opstart']) as [[unknown]];
      expect(ms(secondStart)).toBeGreaterThanOrEqual(ms(firstEnd));
    });
  });

  describe('when jobs have priorities', () => {
    it('admits the higher priority (lower number) first', async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'corral-jobs-'));
      h = await open(dir, { maxRunning: 1 });
      const blocker = await h.queue.submit([delay(0.1, { no_locks: true })]);
      const low = await h.queue.submit([tagSet(['low'], { priority: 10 })]);
      const high = await h.queue.submit([tagSet(['high'], { priority: -10 })]);
      await Promise.all([blocker, low, high].map((id) => finished(h.queue, id)));
      const [[lowStart]] = h.queue.fields(low, ['opstart']) as [[unknown]];
      const [[highEnd]] = h.queue.fields(high, ['opend']) as [[unknown]];
      expect(ms(lowStart)).toBeGreaterThanOrEqual(ms(highEnd));
      expect((await h.config.snapshot()).findByName('instance', 'inst1')!.tags).toEqual(['high', 'low', 'old']);
    });

    it('refuses a priority outside -10, 0 and 10 at submission', async () => {
      await expect(h.queue.submit([tagSet(['p'], { priority: 5 })])).rejects.toMatchObject({
        message: 'Opcode 0 has invalid priority 5, allowed are [-10, 0, 10]',
        classification: 'wrong_input',
      });
    });
  });

  describe('when the queue is full', () => {
    it('refuses submissions with JobQueueFull while the jobs are unfinished, and archives finished ones to make room', async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'corral-jobs-'));
      h = await open(dir, { maxJobs: 1 });
      const id = await h.queue.submit([tagSet(['one'])]);
      await expect(h.queue.submit([tagSet(['two'])])).rejects.toMatchObject({ ganetiName: 'JobQueueFull', message: 'Job queue is full, needs archiving' });
      await finished(h.queue, id);
      expect(await h.queue.submit([tagSet(['two'])])).toBe(2);
      expect(h.queue.list()).toEqual([2]);
      expect(h.queue.fields(id, ['status', 'archived'])).toEqual(['success', true]);
    });
  });

  describe('when finished jobs grow old', () => {
    it('archives them: they leave the list and are still found by id', async () => {
      const id = await h.queue.submit([tagSet(['old-job'])]);
      await finished(h.queue, id);
      expect(await h.queue.archiveOld(0)).toBe(1);
      expect(h.queue.list()).toEqual([]);
      expect(h.queue.fields(id, ['status', 'archived'])).toEqual(['success', true]);
    });
  });

  describe('when the process restarts', () => {
    it('keeps finished jobs, ends running ones as error and runs queued ones', async () => {
      const done = await h.queue.submit([tagSet(['kept'])]);
      await finished(h.queue, done);
      const running = await h.queue.submit([delay(5)]);
      await h.queue.waitForChange(running, ['status'], ['queued'], null, 5000);
      await h.queue.waitForChange(running, ['status'], ['waiting'], null, 5000);
      const queuedBehind = await h.queue.submit([delay(0.01)]);
      // simulate the crash: drop the queue without letting it settle anything
      await h.close();
      const store = openSqliteDatabase(join(dir, 'corral.db'), [jobsMigration]);
      const row = store.prepare('SELECT data FROM jobs WHERE id = ?').get(running) as { data: string };
      expect(JSON.parse(row.data).ops[0].status).toBe('running');
      store.close();
      h = await open(dir, {}, false);
      expect(h.queue.fields(done, ['status'])).toEqual(['success']);
      expect(h.queue.fields(running, ['status', 'opresult'])).toEqual(['error', [['OpExecError', ['The server restarted while this opcode was running; it was stopped']]]]);
      expect(await finished(h.queue, queuedBehind)).toBe('success');
      expect(await h.queue.submit([tagSet(['next'])])).toBe(queuedBehind + 1);
    });
  });
  describe('when finished jobs leave memory', () => {
    const ALL = ['id', 'ops', 'status', 'summary', 'opstatus', 'opresult', 'oplog', 'received_ts', 'start_ts', 'end_ts', 'opstart', 'opexec', 'opend', 'oppriority', 'priority', 'archived'];
    const reopen = async (options: JobQueueOptions): Promise<void> => {
      await h.close();
      h = await open(dir, options, false);
    };
    const archivedRows = (): number => (h.db.prepare('SELECT count(*) AS n FROM jobs WHERE archived = 1').get() as { n: number }).n;

    it('reads an evicted finished job back by id with exactly the same fields', async () => {
      await reopen({ maxRecentFullJobs: 0 });
      const id = await h.queue.submit([tagSet(['kept'])]);
      expect(await finished(h.queue, id)).toBe('success');
      expect(h.queue.residentJobs()).toEqual({ entries: 1, fullRecords: 0 });
      const before = (await h.queue.readFields(id, ALL))!;
      expect(h.queue.residentJobs()).toEqual({ entries: 1, fullRecords: 0 });
      const light = ['id', 'status', 'summary', 'opstatus', 'received_ts', 'start_ts', 'end_ts', 'oppriority', 'priority', 'archived'];
      expect(JSON.stringify(h.queue.fields(id, light))).toBe(JSON.stringify(light.map((f) => before[ALL.indexOf(f)])));
      expect(h.queue.fields(id, ['opresult'])).toBeUndefined();
      expect(JSON.stringify(await h.queue.readFields(id, ALL))).toBe(JSON.stringify(before));
    });

    it('reads an archived job back by id with the same fields as before, archived aside', async () => {
      const id = await h.queue.submit([tagSet(['archived'])]);
      await finished(h.queue, id);
      const before = (await h.queue.readFields(id, ALL))!;
      await h.queue.archiveOld(0);
      await reopen({ maxRecentFullJobs: 0 });
      expect(h.queue.residentJobs()).toEqual({ entries: 0, fullRecords: 0 });
      expect(JSON.stringify(await h.queue.readFields(id, ALL))).toBe(JSON.stringify([...before.slice(0, -1), true]));
      expect(await h.queue.waitForChange(id, ['status', 'archived'], null, null, 10_000)).toEqual({ job_info: ['success', true], log_entries: [] });
      expect(await h.queue.cancel(id)).toEqual([false, `Job ${id} is no longer waiting in the queue`]);
      expect(await h.queue.exists(id)).toBe(true);
      expect(await h.queue.exists(id + 100)).toBe(false);
    });

    it('loads none of the archived jobs at a restart', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 30; i++) ids.push(await h.queue.submit([tagSet([`many${i}`])]));
      for (const id of ids) await finished(h.queue, id);
      expect(await h.queue.archiveOld(0)).toBe(30);
      await reopen({});
      expect(h.queue.residentJobs()).toEqual({ entries: 0, fullRecords: 0 });
      expect(h.queue.list()).toEqual([]);
      expect(await h.queue.readFields(ids[0]!, ['id', 'status', 'archived'])).toEqual([ids[0], 'success', true]);
      expect(h.queue.residentJobs()).toEqual({ entries: 0, fullRecords: 1 });
    });

    it('applies the archived-job limit at start-up, forgetting the oldest', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 6; i++) ids.push(await h.queue.submit([tagSet([`limit${i}`])]));
      for (const id of ids) await finished(h.queue, id);
      await h.queue.archiveOld(0);
      expect(archivedRows()).toBe(6);
      await reopen({ maxArchived: 4 });
      expect(archivedRows()).toBe(4);
      expect(await h.queue.readFields(ids[1]!, ['id'])).toBeUndefined();
      expect(await h.queue.readFields(ids[2]!, ['id', 'archived'])).toEqual([ids[2], true]);
    });

    it('applies the archived-job limit as jobs are archived', async () => {
      await reopen({ maxArchived: 2 });
      const ids: number[] = [];
      for (let i = 0; i < 3; i++) ids.push(await h.queue.submit([tagSet([`rolling${i}`])]));
      for (const id of ids) await finished(h.queue, id);
      await h.queue.archiveOld(0);
      await h.queue.stop();
      expect(archivedRows()).toBe(2);
      expect(await h.queue.readFields(ids[0]!, ['id'])).toBeUndefined();
      expect(await h.queue.readFields(ids[2]!, ['archived'])).toEqual([true]);
    });

    it('decides a dependency on an archived, evicted job by its final status', async () => {
      const ok = await h.queue.submit([tagSet(['dep-ok'])]);
      const bad = await h.queue.submit([tagSet(['x y'])]);
      await finished(h.queue, ok);
      await finished(h.queue, bad);
      await h.queue.archiveOld(0);
      await reopen({ maxRecentFullJobs: 0 });
      const after = await h.queue.submit([tagSet(['after-ok'], { depends: [[ok, ['success']]] })]);
      const afterBad = await h.queue.submit([tagSet(['after-bad'], { depends: [[bad, ['success']]] })]);
      const missing = await h.queue.submit([tagSet(['after-missing'], { depends: [[ok + 1000, []]] })]);
      expect(await finished(h.queue, after)).toBe('success');
      expect(await finished(h.queue, afterBad)).toBe('error');
      expect(await h.queue.readFields(afterBad, ['opresult'])).toEqual([[['OpExecError', [`Dependency error: job ${bad} finished with status 'error', not one of 'success'`]]]]);
      expect(await finished(h.queue, missing)).toBe('error');
      expect(await h.queue.readFields(missing, ['opresult'])).toEqual([[['OpExecError', [`Dependency error: job ${ok + 1000} not found`]]]]);
    });
  });
});
