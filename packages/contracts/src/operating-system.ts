import type { NodeLocation } from './node-location';
import type { ParamValues } from './hypervisor';

/** An OS definition as Ganeti's OS query reports it. */
export interface OsDefinitionInfo {
  /** The OS name without variant, e.g. `debootstrap` or `noop`. */
  readonly name: string;
  /** Where it lives (a directory for script OSes, `builtin` for built-in ones). */
  readonly path: string;
  readonly apiVersions: readonly number[];
  readonly variants: readonly string[];
  /** `[name, description]` pairs of parameters.list. */
  readonly parameters: readonly (readonly [string, string])[];
}

/** The instance facts an OS script receives (Ganeti's OS environment). */
export interface OsInstanceSpec {
  readonly name: string;
  /** `name+variant` as configured on the instance. */
  readonly os: string;
  readonly hypervisor: string;
  readonly osparams: ParamValues;
  readonly hvparams: ParamValues;
  readonly beparams: ParamValues;
  readonly diskTemplate: string;
  readonly disks: readonly { readonly path: string; readonly mode: string; readonly size?: number; readonly uuid?: string; readonly name?: string }[];
  readonly nics: readonly { readonly mac: string; readonly ip: string | null; readonly mode: string; readonly link: string; readonly uuid?: string; readonly name?: string }[];
  readonly debugLevel?: number;
  readonly primaryNode?: string;
  readonly secondaryNode?: string;
}

/** Output of one OS script run, for the job log. */
export interface OsScriptResult {
  readonly output: string;
}

/**
 * One OS definition on one node (Ganeti's OS API: create, import, export,
 * rename, verify). Script failures are PluginError of kind `os` with the
 * script's output in the message.
 */
export interface OperatingSystem {
  readonly info: OsDefinitionInfo;
  create(instance: OsInstanceSpec): Promise<OsScriptResult>;
  /** Restores the instance's disk `diskIndex` from the file `source`. */
  import(instance: OsInstanceSpec, diskIndex: number, source: string): Promise<OsScriptResult>;
  /** Writes the instance's disk `diskIndex` to the file `destination`. */
  export(instance: OsInstanceSpec, diskIndex: number, destination: string): Promise<OsScriptResult>;
  rename(instance: OsInstanceSpec, oldName: string): Promise<OsScriptResult>;
  /** Checks OS parameters (`parameters`) or the definition itself; throws on failure. */
  verify(osparams: ParamValues, variant?: string): Promise<OsScriptResult>;
}

/** The OS definitions one provider offers on one node. */
export interface OsSource {
  list(): Promise<OsDefinitionInfo[]>;
  /** The OS by name (without `+variant`), or null when this source has none. */
  get(name: string): Promise<OperatingSystem | null>;
}

/** What an OS plugin binds (multi-binding): `scripts` (OS directories), `builtin`, ... */
export interface OsProvider {
  readonly name: string;
  forNode(node: NodeLocation): OsSource;
}

export const OsProvider: unique symbol = Symbol.for('@corral/contracts/OsProvider');
