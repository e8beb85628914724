import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Logger } from '@corral/contracts';
import { parseUsersFile } from './parse-users-file';
import { EMPTY_USERS_TABLE, type UsersTable } from './users-table';

/** How quickly the watcher reacts; the defaults keep a change visible within a second. */
export interface UsersFileWatcherOptions {
  /** Quiet time after the last file event before reading (an editor's write settles). Default 50 ms. */
  readonly settleMs?: number;
  /** Interval of the stat check that catches what events miss (a re-created directory). Default 400 ms. */
  readonly pollMs?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Keeps the users table in step with the users file, without a restart:
 * watches the parent directory (so an edit in place, an atomic rename over
 * the file and a delete and re-create are all seen) and also compares the
 * file's identity (inode, size, times) on a short interval. A missing or
 * unreadable file empties the table (nobody can authenticate); a file that
 * cannot be parsed (invalid UTF-8, or a line with fewer than two fields)
 * leaves the last good table in place. Every outcome is logged once.
 */
export class UsersFileWatcher {
  private current: UsersTable = EMPTY_USERS_TABLE;
  private signature: string | undefined;
  private dirWatcher: FSWatcher | undefined;
  private settleTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private readonly settleMs: number;
  private readonly pollMs: number;

  constructor(
    readonly path: string,
    private readonly logger: Logger,
    options: UsersFileWatcherOptions = {},
  ) {
    this.settleMs = options.settleMs ?? 50;
    this.pollMs = options.pollMs ?? 400;
  }

  /** The table in force now. */
  table(): UsersTable {
    return this.current;
  }

  /** Loads the file and starts following its changes. */
  start(): void {
    this.reload();
    this.watchDirectory();
    this.pollTimer = setInterval(() => this.poll(), this.pollMs);
    this.pollTimer.unref();
  }

  /** Stops following the file; the table stays as it is. */
  stop(): void {
    clearInterval(this.pollTimer);
    clearTimeout(this.settleTimer);
    this.dirWatcher?.close();
    this.pollTimer = this.settleTimer = this.dirWatcher = undefined;
  }

  /** Reads and applies the file now (also called by the watch and the poll). */
  reload(): void {
    this.signature = this.currentSignature();
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      this.current = EMPTY_USERS_TABLE;
      this.logger.warn(`Users file ${this.path} cannot be read (${code}): nobody can authenticate until it exists`);
      return;
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      this.logger.error(`Users file ${this.path} is not valid UTF-8; keeping the previous ${this.current.size} user(s)`);
      return;
    }
    const parsed = parseUsersFile(text);
    for (const p of parsed.problems) {
      const line = `Users file ${this.path} line ${p.line}: ${p.message}`;
      if (p.severity === 'error') this.logger.error(line);
      else this.logger.warn(line);
    }
    if (parsed.problems.some((p) => p.severity === 'error')) {
      this.logger.error(`Users file ${this.path} has errors; keeping the previous ${this.current.size} user(s)`);
      return;
    }
    this.current = parsed.users;
    this.logger.info(`Loaded ${parsed.users.size} user(s) from ${this.path}`);
  }

  private watchDirectory(): void {
    try {
      const name = basename(this.path);
      this.dirWatcher = watch(dirname(this.path), { persistent: false }, (_event, file) => {
        if (file === null || file === name) this.scheduleReload();
      });
      this.dirWatcher.on('error', () => {
        this.dirWatcher?.close();
        this.dirWatcher = undefined;
      });
    } catch {
      this.dirWatcher = undefined;
    }
  }

  private scheduleReload(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.reload(), this.settleMs);
    this.settleTimer.unref();
  }

  private poll(): void {
    if (!this.dirWatcher) this.watchDirectory();
    if (this.currentSignature() !== this.signature) this.scheduleReload();
  }

  private currentSignature(): string {
    try {
      const s = statSync(this.path, { bigint: true });
      return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch (error) {
      return `missing:${(error as NodeJS.ErrnoException).code ?? ''}`;
    }
  }
}
