import type { ConfigObject } from './config-object';

/**
 * An operating-system definition that instances can be installed with,
 * as the OS plugins of the nodes report it (name, variants, parameters).
 */
export interface OsDefinition extends ConfigObject {
  readonly name: string;
  readonly variants: readonly string[];
  readonly api_versions: readonly number[];
  /** Parameter name -> documentation, as `os_parameters` in Ganeti. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly hidden: boolean;
  readonly blacklisted: boolean;
}
