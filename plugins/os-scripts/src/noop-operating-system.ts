import { copyFileSync } from 'node:fs';
import { PluginError, type OperatingSystem, type OsDefinitionInfo, type OsInstanceSpec, type OsScriptResult, type OsSource, type ParamValues } from '@corral/contracts';
import { splitOsName } from './os-environment';

/** The built-in OS of the embedded default: `noop`, variant `default`. */
export const NOOP_OS: OsDefinitionInfo = { name: 'noop', path: 'builtin', apiVersions: [20], variants: ['default'], parameters: [] };

/**
 * An OS that installs nothing: create and rename do nothing, export and
 * import copy the raw disk, so instances of the embedded default can be
 * created, exported and imported with no OS scripts on the host.
 */
export class NoopOperatingSystem implements OperatingSystem {
  readonly info = NOOP_OS;

  private checkVariant(os: string): void {
    const { variant } = splitOsName(os);
    if (variant !== '' && !NOOP_OS.variants.includes(variant)) throw new PluginError('os', `Unsupported OS variant ${variant}`, 'noop');
  }

  async create(instance: OsInstanceSpec): Promise<OsScriptResult> {
    this.checkVariant(instance.os);
    return { output: '' };
  }

  async import(instance: OsInstanceSpec, diskIndex: number, source: string): Promise<OsScriptResult> {
    const disk = instance.disks[diskIndex];
    if (!disk) throw new PluginError('os', `Instance ${instance.name} has no disk ${diskIndex}`, 'noop');
    copyFileSync(source, disk.path);
    return { output: '' };
  }

  async export(instance: OsInstanceSpec, diskIndex: number, destination: string): Promise<OsScriptResult> {
    const disk = instance.disks[diskIndex];
    if (!disk) throw new PluginError('os', `Instance ${instance.name} has no disk ${diskIndex}`, 'noop');
    copyFileSync(disk.path, destination);
    return { output: '' };
  }

  async rename(): Promise<OsScriptResult> {
    return { output: '' };
  }

  async verify(osparams: ParamValues, variant?: string): Promise<OsScriptResult> {
    if (variant) this.checkVariant(`noop+${variant}`);
    const unknown = Object.keys(osparams);
    if (unknown.length > 0) throw new PluginError('invalid-parameters', `Unknown parameters for OS noop: ${unknown.join(', ')}`, 'noop');
    return { output: '' };
  }
}

/** The built-in OS source: only `noop`. */
export class BuiltinOsSource implements OsSource {
  async list(): Promise<OsDefinitionInfo[]> {
    return [NOOP_OS];
  }

  async get(name: string): Promise<OperatingSystem | null> {
    return name === 'noop' ? new NoopOperatingSystem() : null;
  }
}
