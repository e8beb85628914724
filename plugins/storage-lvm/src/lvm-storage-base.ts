import { PluginError, type DiskRequest, type StorageUnit, type StorageUnitChanges } from '@corral/contracts';
import type { CommandResult, CommandRunner } from './command-runner';

/** The listing flags Ganeti passes to `pvs` and `vgs` (§6.2). */
export const LVM_LIST_FLAGS: readonly string[] = ['--noheadings', '--units=m', '--nosuffix', '--separator', '|'];

/** Shared plumbing of the lvm-pv and lvm-vg storage types. */
export abstract class LvmStorageBase {
  abstract readonly type: string;

  constructor(protected readonly runner: CommandRunner) {}

  protected fail(message: string): never {
    throw new PluginError('storage', message, this.type);
  }

  /** Runs a command; a non-zero exit is a storage error with the command and its output. */
  protected async must(command: string, args: readonly string[]): Promise<CommandResult> {
    const result = await this.runner.run(command, args);
    if (result.code !== 0) this.fail(`${command} ${args.join(' ')} failed (exit code ${result.code}): ${`${result.stderr}${result.stdout}`.trim()}`);
    return result;
  }

  abstract listUnits(name?: string): Promise<StorageUnit[]>;

  async modifyUnit(_name: string, changes: StorageUnitChanges): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    this.fail(`Storage units of type '${this.type}' can not be modified`);
  }

  async repairUnit(_name: string): Promise<void> {
    this.fail(`Storage units of type '${this.type}' can not be repaired`);
  }

  async createDisk(_disk: DiskRequest, _size: number): Promise<string> {
    return this.fail(`Storage units of type '${this.type}' do not hold disks`);
  }

  async removeDisk(_disk: DiskRequest): Promise<void> {
    this.fail(`Storage units of type '${this.type}' do not hold disks`);
  }

  async growDisk(_disk: DiskRequest, _amount: number): Promise<void> {
    this.fail(`Storage units of type '${this.type}' do not hold disks`);
  }

  async attachDisk(_disk: DiskRequest): Promise<string> {
    return this.fail(`Storage units of type '${this.type}' do not hold disks`);
  }

  async exportDisk(_disk: DiskRequest, _destination: string): Promise<void> {
    this.fail(`Storage units of type '${this.type}' do not hold disks`);
  }

  async importDisk(_disk: DiskRequest, _source: string): Promise<string> {
    return this.fail(`Storage units of type '${this.type}' do not hold disks`);
  }
}
