import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { PluginError, type OperatingSystem, type OsDefinitionInfo, type OsInstanceSpec, type OsScriptResult, type ParamValues } from '@corral/contracts';
import { osCoreEnvironment, osEnvironment, splitOsName, type OsEnvironment } from './os-environment';

const SCRIPT_PATH = '/usr/local/sbin:/usr/sbin:/sbin:/usr/local/bin:/usr/bin:/bin';

/**
 * An OS definition directory run the Ganeti way: each operation is a script
 * in the directory, run there with Ganeti's environment (and only that, plus
 * PATH); a non-zero exit is a PluginError('os') carrying the output.
 */
export class ScriptOperatingSystem implements OperatingSystem {
  constructor(readonly info: OsDefinitionInfo) {}

  private checkVariant(os: string): void {
    const { variant } = splitOsName(os);
    if (this.info.variants.length === 0) return;
    if (variant === '') throw new PluginError('os', `OS name '${os}' must include a variant`, this.info.name);
    if (!this.info.variants.includes(variant)) throw new PluginError('os', `Unsupported OS variant ${variant}`, this.info.name);
  }

  private run(script: string, env: OsEnvironment, io: { stdin?: string; stdout?: string } = {}): Promise<OsScriptResult> {
    return new Promise((resolve, reject) => {
      const stdin = io.stdin ? openSync(io.stdin, 'r') : 'ignore';
      const stdout = io.stdout ? openSync(io.stdout, 'w') : 'pipe';
      const child = spawn(join(this.info.path, script), [], { cwd: this.info.path, env: { PATH: SCRIPT_PATH, ...env }, stdio: [stdin, stdout, 'pipe'] });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const closeFds = (): void => {
        if (typeof stdin === 'number') closeSync(stdin);
        if (typeof stdout === 'number') closeSync(stdout);
      };
      child.on('error', (error) => {
        closeFds();
        reject(new PluginError('os', `OS ${script} script of '${this.info.name}' could not run: ${error.message}`, this.info.name));
      });
      child.on('close', (code, signal) => {
        closeFds();
        if (code === 0) resolve({ output });
        else {
          const how = signal ? `killed by ${signal}` : `exit code ${code}`;
          reject(new PluginError('os', `OS ${script} script failed (${how}), output: ${output.trim()}`, this.info.name));
        }
      });
    });
  }

  async create(instance: OsInstanceSpec): Promise<OsScriptResult> {
    this.checkVariant(instance.os);
    return this.run('create', osEnvironment(this.info, instance));
  }

  async import(instance: OsInstanceSpec, diskIndex: number, source: string): Promise<OsScriptResult> {
    this.checkVariant(instance.os);
    const env = { ...osEnvironment(this.info, instance), IMPORT_INDEX: String(diskIndex), IMPORT_DEVICE: instance.disks[diskIndex]?.path ?? '' };
    return this.run('import', env, { stdin: source });
  }

  async export(instance: OsInstanceSpec, diskIndex: number, destination: string): Promise<OsScriptResult> {
    const env = { ...osEnvironment(this.info, instance), EXPORT_INDEX: String(diskIndex), EXPORT_DEVICE: instance.disks[diskIndex]?.path ?? '' };
    return this.run('export', env, { stdout: destination });
  }

  async rename(instance: OsInstanceSpec, oldName: string): Promise<OsScriptResult> {
    return this.run('rename', { ...osEnvironment(this.info, instance), OLD_INSTANCE_NAME: oldName });
  }

  async verify(osparams: ParamValues, variant?: string): Promise<OsScriptResult> {
    const os = variant ? `${this.info.name}+${variant}` : this.info.name;
    if (variant) this.checkVariant(os);
    const known = new Set(this.info.parameters.map(([n]) => n));
    const unknown = Object.keys(osparams).filter((k) => !known.has(k));
    if (unknown.length > 0) throw new PluginError('invalid-parameters', `Unknown parameters for OS ${this.info.name}: ${unknown.join(', ')}`, this.info.name);
    if (Math.max(...this.info.apiVersions) < 20) return { output: '' };
    return this.run('verify', osCoreEnvironment(this.info, os, osparams));
  }
}
