import { inject, injectable, optional } from 'inversify';
import { Logger, type NodeRunner } from '@corral/contracts';
import { GanetiError } from '@corral/model';
import { OpcodeRegistry, type LockRequest, type OpContext, type OpInput, type OpOutcome } from '@corral/opcodes';
import { ConfigStore, JobStore, type ConfigChanges } from '@corral/store';
import { encodeJobError } from './encode-job-error';
import type { JobChange } from './job-change';
import { applyingFilterRule, compileFilterRules, type CompiledFilterRule } from './job-filter-rules';
import type { JobData, LogEntry, OpState } from './job-data';
import { digestAnswers, digestField, digestJob, type JobDigest } from './job-digest';
import { jobField } from './job-fields';
import { JobQueueOptions } from './job-queue-options';
import { deriveJobStatus, isFinalized, type JobStatus } from './job-status';
import { timestampNs, toJobTimestamp, type JobTimestamp } from './job-timestamp';
import { LockManager } from './lock-manager';

/** Priorities a submission may carry (Ganeti's OP_PRIO_SUBMIT_VALID). */
const SUBMIT_PRIORITIES = [-10, 0, 10];
const CANCELED_RESULT = 'Job canceled by request';
const PRECEDING_FAILED: [string, string[]] = ['OpExecError', ['Preceding opcode failed']];
const RESTARTED: [string, string[]] = ['OpExecError', ['The server restarted while this opcode was running; it was stopped']];
const CLUSTER_SHARED: LockRequest = { level: 'cluster', name: 'cluster', mode: 'shared' };

/** A full job record read back (or just finished), as the bounded cache keeps it. */
interface FullRecord {
  readonly data: JobData;
  archived: boolean;
}

interface Entry {
  readonly id: number;
  /** The full job while it is unfinished; undefined once finished (see `digest`). */
  data: JobData | undefined;
  /** What is kept of a finished job; its full data is in the store (and maybe in `recent`). */
  digest: JobDigest | undefined;
  archived: boolean;
  /** Aborted by a cancel request; stops a lock wait. */
  readonly cancel: AbortController;
  /** Admitted by the scheduler (waiting for locks or running). */
  admitted: boolean;
  /** The RATE_LIMIT rule it was admitted under, if any (counted while admitted). */
  rateRule?: string;
  readonly listeners: Set<() => void>;
}

/**
 * The job queue: durable submission (the id is returned only once the job
 * is on disk), a scheduler admitting up to `maxRunning` jobs at once, locks
 * so that conflicting jobs serialise, per-opcode status/result/log, cancel,
 * wait-for-change woken by the change itself, archiving, and recovery after
 * a crash. Job status and the configuration changes of an opcode are written
 * in one transaction.
 */
@injectable()
export class JobQueue {
  /** The unarchived jobs (full while unfinished, a digest once finished). Archived jobs live only in the store. */
  private readonly jobs = new Map<number, Entry>();
  /** The full records of recently finished or read jobs, least recently used first, at most `maxRecent`. */
  private readonly recent = new Map<number, FullRecord>();
  private readonly maxRecent: number;
  /** Final statuses of jobs outside `jobs` that a dependency asked for ('missing' when not stored). */
  private readonly outsideStatus = new Map<number, JobStatus | 'missing'>();
  private readonly outsideLookups = new Set<number>();
  /** Jobs whose archived mark is not yet committed. */
  private readonly archiving = new Set<number>();
  private queued: Entry[] = [];
  private readonly locks = new LockManager();
  private readonly shutdown = new AbortController();
  private readonly inflight = new Set<Promise<unknown>>();
  private readonly maxJobs: number;
  private readonly maxRunning: number;
  private readonly archiveAgeMs: number;
  private readonly archiveIntervalMs: number;
  private readonly now: () => number;
  private nextId = 1;
  private live = 0;
  /** How many archived jobs the store holds; beyond `maxArchived` the oldest are forgotten entirely. */
  private archivedCount = 0;
  private readonly maxArchived: number;
  private admitted = 0;
  private started = false;
  private stopped = false;
  private archiveTimer: NodeJS.Timeout | undefined;
  /** Job filter rules in Ganeti's order (priority, watermark, uuid). */
  private filterRules: CompiledFilterRule[] = [];
  /** Admitted jobs per RATE_LIMIT rule uuid. */
  private readonly rateCounts = new Map<string, number>();
  /** The node-runner seam, handed to opcodes; set by the composition root when available. */
  runner: NodeRunner | undefined = undefined;

  constructor(
    @inject(JobStore) private readonly store: JobStore,
    @inject(ConfigStore) private readonly config: ConfigStore,
    @inject(OpcodeRegistry) private readonly registry: OpcodeRegistry,
    @inject(Logger) private readonly logger: Logger,
    @inject(JobQueueOptions) @optional() options?: JobQueueOptions,
  ) {
    this.maxJobs = options?.maxJobs ?? 5000;
    this.maxRunning = options?.maxRunning ?? 20;
    this.archiveAgeMs = options?.archiveAgeMs ?? 6 * 3600 * 1000;
    this.archiveIntervalMs = options?.archiveIntervalMs ?? 60_000;
    this.now = options?.now ?? Date.now;
    this.maxArchived = options?.maxArchived ?? 50_000;
    this.maxRecent = options?.maxRecentFullJobs ?? 256;
  }

  /** Loads the stored jobs, settles those a crash interrupted, and starts scheduling. */
  async start(): Promise<void> {
    if (this.started) return;
    this.nextId = (await this.store.maxId()) + 1;
    this.archivedCount = await this.store.countArchived();
    await this.trimArchived();
    const stored = await this.store.loadUnarchived();
    const recoveries: Promise<void>[] = [];
    for (const s of stored) {
      const entry: Entry = { id: s.id, data: s.data as JobData, digest: undefined, archived: false, cancel: new AbortController(), admitted: false, listeners: new Set() };
      this.jobs.set(s.id, entry);
      this.live++;
      const status = this.status(entry);
      if (isFinalized(status)) {
        this.settle(entry, false);
        continue;
      }
      const ops = entry.data!.ops;
      if (status === 'canceling') recoveries.push(this.finishCanceled(entry));
      else if (ops.some((o) => o.status === 'running')) recoveries.push(this.finishRestarted(entry));
      else {
        for (const o of ops) if (o.status === 'waiting') o.status = 'queued';
        this.queued.push(entry);
      }
    }
    await Promise.all(recoveries);
    this.filterRules = compileFilterRules((await this.config.snapshot()).list('filter'));
    this.started = true;
    this.archiveTimer = setInterval(() => void this.archiveOld(), this.archiveIntervalMs);
    this.archiveTimer.unref();
    this.pump();
  }

  /** Stops scheduling and waits for the writes in flight; running jobs are settled by the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.archiveTimer) clearInterval(this.archiveTimer);
    this.shutdown.abort(new GanetiError('OpExecError', 'The server is shutting down'));
    await Promise.allSettled([...this.inflight]);
  }

  /**
   * Submits a job of already validated opcodes. Resolves with its id once
   * the job is durable. Throws `JobQueueFull` when the queue holds too many
   * unarchived jobs, and a `wrong_input` error for a priority not allowed.
   */
  async submit(ops: readonly OpInput[]): Promise<number> {
    if (ops.length === 0) throw GanetiError.prereq('A job needs at least one opcode', 'wrong_input');
    ops.forEach((op, index) => {
      if (!SUBMIT_PRIORITIES.includes(op.priority as number)) {
        throw GanetiError.prereq(`Opcode ${index} has invalid priority ${String(op.priority)}, allowed are [-10, 0, 10]`, 'wrong_input');
      }
    });
    if (this.live >= this.maxJobs) this.makeRoom();
    if (this.live >= this.maxJobs) throw new GanetiError('JobQueueFull', 'Job queue is full, needs archiving');
    const id = this.nextId++;
    const received = toJobTimestamp(this.now());
    const data: JobData = {
      id,
      ops: ops.map((input, index) => ({
        input: {
          ...input,
          reason: [
            ...((input.reason as unknown[]) ?? []),
            [`gnt:opcode:${input.OP_ID.replace(/^OP_/, '').toLowerCase()}`, `job=${id};index=${index}`, timestampNs(received)],
          ],
        } as OpInput,
        status: 'queued',
        result: null,
        log: [],
        start_timestamp: null,
        exec_timestamp: null,
        end_timestamp: null,
      })),
      received_ts: received,
      start_ts: null,
      end_ts: null,
      log_serial: 0,
    };
    this.live++;
    try {
      await this.track(this.store.save({ id, archived: false, data }));
    } catch (error) {
      this.live--;
      throw error;
    }
    const entry: Entry = { id, data, digest: undefined, archived: false, cancel: new AbortController(), admitted: false, listeners: new Set() };
    this.jobs.set(id, entry);
    this.queued.push(entry);
    this.pump();
    return id;
  }

  /**
   * Re-reads the job filter rules from the configuration (after they were
   * changed) and schedules again: a paused job may now run, a queued one
   * may now be rejected.
   */
  async reloadFilterRules(): Promise<void> {
    this.filterRules = compileFilterRules((await this.config.snapshot()).list('filter'));
    // Running jobs count against the RATE_LIMIT rule that applies to them now (Ganeti's slot map).
    this.rateCounts.clear();
    for (const entry of this.jobs.values()) {
      if (!entry.admitted || !entry.data) continue;
      const rule = applyingFilterRule(this.filterRules, { id: entry.id, ops: entry.data.ops.map((o) => o.input) });
      entry.rateRule = rule && Array.isArray(rule.action) ? rule.uuid : undefined;
      if (entry.rateRule !== undefined) this.rateCounts.set(entry.rateRule, (this.rateCounts.get(entry.rateRule) ?? 0) + 1);
    }
    this.pump();
  }

  /** The locks held and waited for (Ganeti's lock query). */
  lockStatus(): ReturnType<LockManager['describe']> {
    return this.locks.describe();
  }

  /** The highest job id used so far (a new filter rule's watermark). */
  highestJobId(): number {
    return this.nextId - 1;
  }

  /** Ids of the unarchived jobs, ascending. */
  list(): number[] {
    return [...this.jobs.keys()];
  }

  /** Whether a job exists (archived ones included, as Ganeti 3.0 finds them by id). */
  async exists(id: number): Promise<boolean> {
    return this.jobs.has(id) || this.recent.has(id) || (await this.readRecord(id)) !== undefined;
  }

  /**
   * The values of the given fields from memory only: unfinished jobs, the
   * digests of finished ones and the recently used full records. Undefined
   * when that is not enough (an unknown job, or an archived or evicted one):
   * `readFields` reads those from the store.
   */
  fields(id: number, fields: readonly string[]): unknown[] | undefined {
    const entry = this.jobs.get(id);
    if (entry?.data) return fields.map((f) => jobField(entry.data!, entry.archived, f, this.registry));
    const record = this.recent.get(id);
    if (record) return fields.map((f) => jobField(record.data, record.archived, f, this.registry));
    if (entry?.digest && digestAnswers(fields)) return fields.map((f) => digestField(id, entry.digest!, entry.archived, f));
    return undefined;
  }

  /** The values of the given fields, read from the store when not in memory; undefined for an unknown job. */
  async readFields(id: number, fields: readonly string[]): Promise<unknown[] | undefined> {
    const now = this.fields(id, fields);
    if (now) return now;
    const record = await this.readRecord(id);
    return record && fields.map((f) => jobField(record.data, record.archived, f, this.registry));
  }

  /** The job's status from memory (unfinished, unarchived or recently used jobs), or undefined. */
  statusOf(id: number): JobStatus | undefined {
    const entry = this.jobs.get(id);
    if (entry) return this.status(entry);
    const record = this.recent.get(id);
    return record && deriveJobStatus(record.data.ops.map((o) => o.status));
  }

  /** How many jobs the queue holds in memory: entries (unarchived jobs) and full records of finished ones. */
  residentJobs(): { entries: number; fullRecords: number } {
    let full = this.recent.size;
    for (const entry of this.jobs.values()) if (entry.data) full++;
    return { entries: this.jobs.size, fullRecords: full };
  }

  /**
   * Cancels a job still queued (at once) or waiting for locks (its worker
   * finishes it as canceled). Running and finished jobs are refused. Answers
   * Ganeti's `[success, message]`, or undefined for an unknown job.
   */
  async cancel(id: number): Promise<[boolean, string] | undefined> {
    const entry = this.jobs.get(id);
    if (!entry) return (await this.exists(id)) ? [false, `Job ${id} is no longer waiting in the queue`] : undefined;
    const status = this.status(entry);
    if (status === 'queued' && !entry.admitted) {
      this.queued = this.queued.filter((e) => e !== entry);
      entry.cancel.abort();
      await this.finishCanceled(entry);
      this.pump(); // jobs depending on it can now be decided
      return [true, `Job ${id} canceled`];
    }
    if (status === 'queued' || status === 'waiting') {
      for (const o of entry.data!.ops) if (o.status === 'queued' || o.status === 'waiting') o.status = 'canceling';
      entry.cancel.abort(new GanetiError('OpExecError', CANCELED_RESULT));
      this.changed(entry);
      this.saveQuietly(entry);
      return [true, `Job ${id} will be canceled`];
    }
    if (status === 'canceling') return [true, `Job ${id} will be canceled`];
    return [false, `Job ${id} is no longer waiting in the queue`];
  }

  /**
   * Waits until the job changed with respect to what the client saw: it left
   * queued/waiting/running, a field differs from `previous`, or it has log
   * entries above `previousSerial`. Woken by the change itself; gives the
   * unchanged values after `timeoutMs`. Undefined for an unknown job.
   */
  async waitForChange(
    id: number,
    fields: readonly string[],
    previous: unknown[] | null,
    previousSerial: number | null,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<JobChange | undefined> {
    const entry = this.jobs.get(id);
    if (!entry?.data) {
      // a finished job (in memory as a digest, or archived): it changes no more, answer at once
      const record = this.recent.get(id) ?? (await this.readRecord(id));
      if (!record) return undefined;
      const logs = record.data.ops.flatMap((o) => o.log).filter((l) => previousSerial === null || l[0] > previousSerial);
      return { job_info: fields.map((f) => jobField(record.data, record.archived, f, this.registry)), log_entries: logs };
    }
    const full = (): JobData => entry.data ?? this.recent.get(id)?.data ?? entry.data!;
    const evaluate = (): JobChange | undefined => {
      const data = full();
      const info = fields.map((f) => jobField(data, entry.archived, f, this.registry));
      const logs = data.ops.flatMap((o) => o.log).filter((l) => previousSerial === null || l[0] > previousSerial);
      const status = this.status(entry);
      const active = status === 'queued' || status === 'waiting' || status === 'running';
      if (!active || logs.length > 0 || previous === null || JSON.stringify(info) !== JSON.stringify(previous)) {
        return { job_info: info, log_entries: logs };
      }
      return undefined;
    };
    const now = evaluate();
    if (now) return now;
    return new Promise<JobChange>((resolve) => {
      const finish = (change: JobChange): void => {
        clearTimeout(timer);
        entry.listeners.delete(listener);
        signal?.removeEventListener('abort', onAbort);
        resolve(change);
      };
      const unchanged = (): JobChange => ({ job_info: fields.map((f) => jobField(full(), entry.archived, f, this.registry)), log_entries: [] });
      const listener = (): void => {
        const change = evaluate();
        if (change) finish(change);
      };
      const onAbort = (): void => finish(unchanged());
      const timer = setTimeout(() => finish(unchanged()), timeoutMs);
      entry.listeners.add(listener);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Archives finished jobs older than the archive age; returns how many. */
  async archiveOld(olderThanMs: number = this.archiveAgeMs): Promise<number> {
    const limit = this.now() - olderThanMs;
    const saves: Promise<void>[] = [];
    for (const entry of [...this.jobs.values()]) {
      const end = entry.digest?.end_ts;
      if (entry.archived || !end || !isFinalized(this.status(entry))) continue;
      if (end[0] * 1000 + end[1] / 1000 > limit) continue;
      saves.push(this.archiveEntry(entry));
    }
    await Promise.all(saves);
    return saves.length;
  }

  /**
   * A full queue first archives its oldest finished jobs (down to 90 % of
   * the limit) instead of refusing work until the periodic archiver runs;
   * only a queue full of unfinished jobs answers JobQueueFull.
   */
  private makeRoom(): void {
    const target = Math.floor(this.maxJobs * 0.9);
    const finished = [...this.jobs.values()].filter((e) => !e.archived && isFinalized(this.status(e)));
    for (const entry of finished) {
      if (this.live <= target) break;
      this.archiveEntry(entry);
    }
  }

  /** Archives a finished job: it leaves memory (but the recent cache) and is read from the store from now on. */
  private archiveEntry(entry: Entry): Promise<void> {
    const id = entry.id;
    entry.archived = true;
    this.live--;
    this.jobs.delete(id);
    const record = this.recent.get(id);
    if (record) record.archived = true;
    this.archiving.add(id);
    this.archivedCount++;
    const saved = this.track(this.store.archive(id)).finally(() => this.archiving.delete(id));
    saved.catch((error: unknown) => this.logger.warn(`Could not archive job ${id}: ${String(error)}`));
    if (this.archivedCount > this.maxArchived) void this.track(saved.then(() => this.trimArchived())).catch(() => undefined);
    return saved;
  }

  /** Forgets the oldest archived jobs beyond `maxArchived` (at start-up and as jobs are archived). */
  private async trimArchived(): Promise<void> {
    const excess = this.archivedCount - this.maxArchived;
    if (excess <= 0) return;
    this.archivedCount -= excess;
    const dropped = await this.store.trimArchived(excess);
    this.archivedCount += excess - dropped.length;
    for (const id of dropped) {
      this.recent.delete(id);
      this.outsideStatus.delete(id);
    }
  }

  /** A job's full record from the cache or the store (archived or evicted); undefined when not stored. */
  private async readRecord(id: number): Promise<FullRecord | undefined> {
    const cached = this.recent.get(id);
    if (cached) return cached;
    const stored = await this.store.load(id);
    if (!stored) return undefined;
    const entry = this.jobs.get(id);
    if (entry?.data) return { data: entry.data, archived: entry.archived };
    const record: FullRecord = { data: stored.data as JobData, archived: stored.archived || this.archiving.has(id) || (entry?.archived ?? false) };
    this.remember(id, record);
    return record;
  }

  /** Puts a full record in the bounded cache, evicting the least recently used. */
  private remember(id: number, record: FullRecord): void {
    this.recent.delete(id);
    this.recent.set(id, record);
    while (this.recent.size > this.maxRecent) this.recent.delete(this.recent.keys().next().value!);
  }

  /** A job just finished: keep only its digest in the entry, the full record in the bounded cache. */
  private settle(entry: Entry, cache = true): void {
    const data = entry.data!;
    entry.digest = digestJob(data, this.registry);
    entry.data = undefined;
    if (cache) this.remember(entry.id, { data, archived: entry.archived });
  }

  private status(entry: Entry): JobStatus {
    return entry.data ? deriveJobStatus(entry.data.ops.map((o) => o.status)) : entry.digest!.status;
  }

  private stamp(): JobTimestamp {
    return toJobTimestamp(this.now());
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inflight.add(promise);
    const done = (): void => void this.inflight.delete(promise);
    promise.then(done, done);
    return promise;
  }

  private changed(entry: Entry): void {
    for (const listener of [...entry.listeners]) listener();
  }

  /** Persists an intermediate state without waiting (it is not an acknowledgement). */
  private saveQuietly(entry: Entry): void {
    if (this.stopped) return;
    if (!entry.data) return;
    this.track(this.store.save({ id: entry.id, archived: entry.archived, data: structuredClone(entry.data) })).catch((error: unknown) =>
      this.logger.warn(`Could not save job ${entry.id}: ${String(error)}`),
    );
  }

  /** Makes a final state durable (with its config changes), then visible. */
  private async commit(entry: Entry, next: JobData, changes?: ConfigChanges, afterStage?: () => void): Promise<void> {
    if (this.stopped) {
      afterStage?.();
      return;
    }
    let saved: Promise<void>;
    try {
      saved = this.track(this.store.save({ id: next.id, archived: entry.archived, data: next }, changes));
    } finally {
      afterStage?.();
    }
    await saved;
    entry.data = next;
    this.changed(entry);
    if (isFinalized(this.status(entry))) this.settle(entry);
  }

  /** Admits queued jobs whose dependencies are settled, up to the concurrency limit. */
  private pump(): void {
    if (!this.started || this.stopped) return;
    while (this.admitted < this.maxRunning) {
      let best: Entry | undefined;
      let bestRate: string | undefined;
      for (const entry of this.queued) {
        if (this.dependencyState(entry) === 'wait') continue;
        const verdict = this.filterVerdict(entry);
        if (verdict === 'hold') continue;
        if (verdict === 'reject') {
          this.reject(entry);
          continue;
        }
        if (!best || this.priority(entry) < this.priority(best)) {
          best = entry;
          bestRate = verdict === 'run' ? undefined : verdict.rateRule;
        }
      }
      if (!best) return;
      this.queued = this.queued.filter((e) => e !== best);
      this.admitted++;
      best.admitted = true;
      best.rateRule = bestRate;
      if (bestRate !== undefined) this.rateCounts.set(bestRate, (this.rateCounts.get(bestRate) ?? 0) + 1);
      const entry = best;
      void this.run(entry)
        .catch((error: unknown) => this.logger.error(`Job ${entry.id} failed unexpectedly: ${String(error)}`))
        .finally(() => {
          this.admitted--;
          entry.admitted = false;
          if (entry.rateRule !== undefined) this.rateCounts.set(entry.rateRule, (this.rateCounts.get(entry.rateRule) ?? 1) - 1);
          entry.rateRule = undefined;
          this.pump();
        });
    }
  }

  /**
   * What the job filter rules say about a queued job (Ganeti's job
   * filtering): no rule or ACCEPT runs it, PAUSE holds it queued, REJECT
   * cancels it, RATE_LIMIT n runs it only while fewer than n jobs admitted
   * under the same rule run.
   */
  private filterVerdict(entry: Entry): 'run' | 'hold' | 'reject' | { rateRule: string } {
    if (this.filterRules.length === 0) return 'run';
    const rule = applyingFilterRule(this.filterRules, { id: entry.id, ops: entry.data!.ops.map((o) => o.input) });
    if (!rule || rule.action === 'ACCEPT') return 'run';
    if (rule.action === 'PAUSE') return 'hold';
    if (rule.action === 'REJECT') return 'reject';
    if (Array.isArray(rule.action)) {
      const limit = rule.action[1] as number;
      return (this.rateCounts.get(rule.uuid) ?? 0) < limit ? { rateRule: rule.uuid } : 'hold';
    }
    return 'run';
  }

  /** A job a REJECT rule matched: it leaves the queue as canceled, as Ganeti cancels rejected jobs. */
  private reject(entry: Entry): void {
    this.queued = this.queued.filter((e) => e !== entry);
    entry.cancel.abort();
    void this.finishCanceled(entry)
      .catch((error: unknown) => this.logger.warn(`Could not cancel rejected job ${entry.id}: ${String(error)}`))
      .finally(() => this.pump());
  }

  private priority(entry: Entry): number {
    return Math.min(...entry.data!.ops.map((o) => o.input.priority as number));
  }

  /** `wait` while a job it depends on is unfinished; otherwise what the dependencies decide. */
  private dependencyState(entry: Entry): 'wait' | 'ok' | { cancel: string } | { error: string } {
    for (const op of entry.data!.ops) {
      for (const [depId, allowed] of (op.input.depends as [number, JobStatus[]][] | null) ?? []) {
        const dep = this.jobs.get(depId);
        const status = dep ? this.status(dep) : this.outsideStatusOf(depId);
        if (status === undefined) return 'wait';
        if (status === 'missing') return { error: `Dependency error: job ${depId} not found` };
        if (!isFinalized(status)) return 'wait';
        if (allowed.length > 0 && !allowed.includes(status)) {
          if (status === 'canceled') return { cancel: `Dependency job ${depId} was canceled` };
          return { error: `Dependency error: job ${depId} finished with status '${status}', not one of ${allowed.map((s) => `'${s}'`).join(', ')}` };
        }
      }
    }
    return 'ok';
  }

  /**
   * The final status of a job not in memory (archived or never existing),
   * or undefined while it is being read from the store (the scheduler runs
   * again once it is known).
   */
  private outsideStatusOf(id: number): JobStatus | 'missing' | undefined {
    const known = this.outsideStatus.get(id);
    if (known !== undefined) return known;
    const record = this.recent.get(id);
    if (record) return deriveJobStatus(record.data.ops.map((o) => o.status));
    if (!this.outsideLookups.has(id)) {
      this.outsideLookups.add(id);
      void this.store
        .load(id)
        .then(
          (stored) => {
            const status = stored ? deriveJobStatus((stored.data as JobData).ops.map((o) => o.status)) : 'missing';
            if (this.outsideStatus.size >= 4096) this.outsideStatus.clear();
            this.outsideStatus.set(id, status);
          },
          (error: unknown) => this.logger.warn(`Could not read job ${id}: ${String(error)}`),
        )
        .finally(() => {
          this.outsideLookups.delete(id);
          this.pump();
        });
    }
    return undefined;
  }

  private async run(entry: Entry): Promise<void> {
    const deps = this.dependencyState(entry);
    if (typeof deps === 'object') {
      if ('cancel' in deps) return this.finishCanceled(entry, deps.cancel);
      const first = entry.data!.ops.findIndex((o) => !isFinalized(o.status));
      return this.finishFailed(entry, first, new GanetiError('OpExecError', deps.error));
    }
    const job = entry.data!;
    for (let index = job.ops.findIndex((o) => !isFinalized(o.status)); index >= 0 && index < job.ops.length; index++) {
      if (entry.cancel.signal.aborted || this.stopped) return this.finishCanceled(entry);
      if (!(await this.runOpcode(entry, index))) return;
    }
  }

  /** Runs one opcode under its locks; false when the job ended (failed or canceled). */
  private async runOpcode(entry: Entry, index: number): Promise<boolean> {
    const job = entry.data!;
    const op = job.ops[index]!;
    const definition = this.registry.get(op.input.OP_ID);
    const started = this.stamp();
    op.status = 'waiting';
    op.start_timestamp = started;
    job.start_ts ??= started;
    this.changed(entry);
    this.saveQuietly(entry);
    if (!definition) {
      await this.finishFailed(entry, index, new GanetiError('OpCodeUnknown', `Unknown opcode ${op.input.OP_ID}`));
      return false;
    }
    let locks: LockRequest[];
    try {
      locks = [CLUSTER_SHARED, ...definition.locks(op.input, await this.config.snapshot())];
      await this.locks.acquire(job.id, locks, op.input.priority as number, entry.cancel.signal);
    } catch (error) {
      if (this.stopped) return false;
      if (entry.cancel.signal.aborted) await this.finishCanceled(entry);
      else await this.finishFailed(entry, index, error);
      return false;
    }
    let released = false;
    const release = (): void => {
      if (!released) this.locks.release(job.id);
      released = true;
    };
    try {
      if (this.stopped) return false;
      if (entry.cancel.signal.aborted) {
        release();
        await this.finishCanceled(entry);
        return false;
      }
      op.status = 'running';
      op.exec_timestamp = this.stamp();
      this.changed(entry);
      if (definition.touchesNodes) await this.track(this.store.save({ id: job.id, archived: entry.archived, data: structuredClone(job) }));
      else this.saveQuietly(entry);
      const ctx: OpContext = {
        jobId: job.id,
        snapshot: await this.config.snapshot(),
        dryRun: op.input.dry_run === true,
        signal: this.shutdown.signal,
        runner: this.runner,
        submitJobs: (jobs) => this.submitFollowUps(jobs, op.input),
        feedback: (message, type = 'message') => this.log(entry, op, message, type),
      };
      const dryRunResult: unknown = await definition.checkPrereq(op.input, ctx);
      let outcome: OpOutcome = ctx.dryRun ? { result: dryRunResult ?? null } : await definition.exec(op.input, ctx);
      if (outcome.jobs) outcome = { ...outcome, result: { jobs: await this.submitFollowUps(outcome.jobs, op.input), ...(outcome.result as object) } };
      const next = structuredClone(entry.data!);
      const done = next.ops[index]!;
      done.status = 'success';
      done.result = outcome.result ?? null;
      done.end_timestamp = this.stamp();
      if (index === next.ops.length - 1) next.end_ts = done.end_timestamp;
      await this.commit(entry, next, outcome.changes, release);
      return true;
    } catch (error) {
      release();
      await this.finishFailed(entry, index, error);
      return false;
    } finally {
      release();
    }
  }

  /** Submits the jobs an opcode asked for, each `[true, id]` or `[false, message]`; they inherit its reason trail. */
  private async submitFollowUps(jobs: readonly (readonly Readonly<Record<string, unknown>>[])[], parent: OpInput): Promise<[boolean, number | string][]> {
    const results: [boolean, number | string][] = [];
    for (const fieldsList of jobs) {
      try {
        const ops = fieldsList.map(({ OP_ID, ...fields }) =>
          this.registry.build(String(OP_ID), { ...fields, priority: parent.priority, reason: [...((parent.reason as unknown[]) ?? [])] }),
        );
        results.push([true, await this.submit(ops)]);
      } catch (error) {
        results.push([false, error instanceof Error ? error.message : String(error)]);
      }
    }
    return results;
  }

  private log(entry: Entry, op: OpState, message: string, type: string): void {
    const serial = ++entry.data!.log_serial;
    const line: LogEntry = [serial, this.stamp(), type, message];
    op.log.push(line);
    this.changed(entry);
  }

  /** The opcode failed: it carries the error, every later one `Preceding opcode failed`. */
  private async finishFailed(entry: Entry, index: number, error: unknown): Promise<void> {
    const next = structuredClone(entry.data!);
    const end = this.stamp();
    next.ops.forEach((o, i) => {
      if (i < index || isFinalized(o.status)) return;
      o.status = 'error';
      o.result = i === index ? encodeJobError(error) : PRECEDING_FAILED;
      o.end_timestamp = end;
    });
    next.end_ts = end;
    await this.commit(entry, next);
  }

  /** Every unfinished opcode becomes canceled with Ganeti's result text. */
  private async finishCanceled(entry: Entry, result: string = CANCELED_RESULT): Promise<void> {
    const next = structuredClone(entry.data!);
    const end = this.stamp();
    for (const o of next.ops) {
      if (isFinalized(o.status)) continue;
      o.status = 'canceled';
      o.result = result;
      o.end_timestamp = end;
    }
    next.end_ts = end;
    await this.commit(entry, next);
  }

  /** A job found running at start: the crash stopped it; it ends as error and never runs again. */
  private async finishRestarted(entry: Entry): Promise<void> {
    const next = structuredClone(entry.data!);
    const end = this.stamp();
    let failed = false;
    for (const o of next.ops) {
      if (isFinalized(o.status)) continue;
      o.status = 'error';
      o.result = failed ? PRECEDING_FAILED : RESTARTED;
      o.end_timestamp = end;
      failed = true;
    }
    next.end_ts = end;
    await this.commit(entry, next);
  }
}
