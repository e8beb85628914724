import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PluginError,
  type Hypervisor,
  type HypervisorInstanceSpec,
  type HypervisorNodeInfo,
  type InstanceConsole,
  type InstanceRuntimeInfo,
  type MigrationStatus,
  type NodeLocation,
  type ParamValues,
} from '@corral/contracts';
import { fakeHypervisorDir } from './fake-hypervisor-dir';
import { readHostNodeInfo } from './read-host-node-info';

const MIGRATION_MODES = ['live', 'non-live'];

/**
 * Ganeti's `fake` hypervisor (§7.2): a running instance is a file
 * `<node_dir>/run/fake-hypervisor/<name>` of three lines (id 0, memory,
 * vcpus). Migration between two local nodes moves that file.
 */
export class FakeHypervisor implements Hypervisor {
  readonly name = 'fake';
  readonly canMigrate = true;
  readonly parameterDefaults: ParamValues = { migration_mode: 'live' };
  private readonly dir: string;

  constructor(
    private readonly node: NodeLocation,
    private readonly hostInfo: () => HypervisorNodeInfo = () => readHostNodeInfo(),
  ) {
    this.dir = fakeHypervisorDir(node.node_dir);
  }

  private fail(message: string): never {
    throw new PluginError('hypervisor', message, 'fake');
  }

  private file(name: string): string {
    return join(this.dir, name);
  }

  private writeState(dir: string, name: string, memory: number, vcpus: number): void {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), `0\n${memory}\n${vcpus}\n`);
  }

  private readState(name: string): InstanceRuntimeInfo | null {
    let text: string;
    try {
      text = readFileSync(this.file(name), 'utf8');
    } catch {
      return null;
    }
    const [id, memory, vcpus] = text.split('\n').map((l) => Number(l.trim()));
    return { name, id, memory, vcpus, state: 'running', times: 0 };
  }

  async startInstance(instance: HypervisorInstanceSpec): Promise<void> {
    if (existsSync(this.file(instance.name))) this.fail(`Failed to start instance ${instance.name}: already running`);
    const free = (await this.getNodeInfo()).memory_free;
    const memory = Math.max(instance.minMemory ?? instance.memory, Math.min(instance.memory, free));
    this.writeState(this.dir, instance.name, memory, instance.vcpus);
  }

  async stopInstance(instanceName: string): Promise<void> {
    if (!existsSync(this.file(instanceName))) this.fail(`Failed to stop instance ${instanceName}: not running`);
    unlinkSync(this.file(instanceName));
  }

  async rebootInstance(): Promise<void> {
    // Ganeti's fake hypervisor: a reboot changes nothing.
  }

  async listInstances(): Promise<string[]> {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir).sort();
  }

  async getInstanceInfo(instanceName: string): Promise<InstanceRuntimeInfo | null> {
    return this.readState(instanceName);
  }

  async getAllInstancesInfo(): Promise<InstanceRuntimeInfo[]> {
    const names = await this.listInstances();
    return names.map((n) => this.readState(n)).filter((i): i is InstanceRuntimeInfo => i !== null);
  }

  async getNodeInfo(): Promise<HypervisorNodeInfo> {
    const host = this.hostInfo();
    const used = (await this.getAllInstancesInfo()).reduce((sum, i) => sum + i.memory, 0);
    return { ...host, memory_free: Math.max(0, host.memory_free - used) };
  }

  async getInstanceConsole(instance: HypervisorInstanceSpec): Promise<InstanceConsole> {
    return { instance: instance.name, kind: 'msg', message: 'Console not available for fake hypervisor' };
  }

  async verify(): Promise<string | null> {
    return existsSync(this.dir) ? null : `The required directory '${this.dir}' does not exist`;
  }

  checkParameterSyntax(hvparams: ParamValues): void {
    const invalid = (message: string): never => {
      throw new PluginError('invalid-parameters', message, 'fake');
    };
    for (const key of Object.keys(hvparams)) {
      if (!(key in this.parameterDefaults)) invalid(`Parameter '${key}' is not supported`);
    }
    if (!('migration_mode' in hvparams)) invalid(`Parameter 'migration_mode' is missing`);
    const mode = hvparams.migration_mode;
    if (mode === null || mode === undefined || mode === '') invalid(`Parameter 'migration_mode' is required but is currently not defined`);
    if (typeof mode !== 'string' || !MIGRATION_MODES.includes(mode)) {
      invalid(`Parameter 'migration_mode' fails syntax check: The value must be one of: ${MIGRATION_MODES.join(', ')} (current value: '${String(mode)}')`);
    }
  }

  async migrationInfo(): Promise<string> {
    return '';
  }

  async acceptInstance(instance: HypervisorInstanceSpec): Promise<void> {
    if (existsSync(this.file(instance.name))) this.fail(`Failed to accept instance ${instance.name}: already running`);
  }

  async migrateInstance(_clusterName: string, instance: HypervisorInstanceSpec, target: NodeLocation, live: boolean): Promise<void> {
    // Ganeti's fake hypervisor only logs; the finalize steps move the state.
    void instance;
    void target;
    void live;
  }

  async getMigrationStatus(): Promise<MigrationStatus> {
    return 'completed';
  }

  async finalizeMigrationDst(instance: HypervisorInstanceSpec, _info: string, success: boolean): Promise<void> {
    if (success) this.writeState(this.dir, instance.name, instance.memory, instance.vcpus);
    else if (existsSync(this.file(instance.name))) unlinkSync(this.file(instance.name));
  }

  async finalizeMigrationSource(instance: HypervisorInstanceSpec, success: boolean): Promise<void> {
    if (success && existsSync(this.file(instance.name))) unlinkSync(this.file(instance.name));
  }

  async balloonInstanceMemory(instance: HypervisorInstanceSpec, memory: number): Promise<void> {
    const state = this.readState(instance.name);
    if (!state) this.fail(`Cannot balloon instance ${instance.name}: not running`);
    this.writeState(this.dir, instance.name, memory, state.vcpus);
  }

  async powercycleNode(): Promise<void> {
    this.fail(`Powercycle of node ${this.node.name} is not done by the fake hypervisor on a shared host`);
  }
}
