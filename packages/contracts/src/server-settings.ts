/**
 * The settings the composition root resolved from the YAML file and the
 * command line. Packages read what they need from here instead of parsing
 * flags themselves.
 */
export interface ServerSettings {
  /** Directory holding every piece of state: database, certificate, users file, node directories. */
  readonly dataDir: string;
  readonly bindAddress: string;
  readonly port: number;
  readonly ssl: boolean;
  readonly sslKeyPath: string;
  readonly sslCertPath: string;
  readonly usersFile: string;
  readonly requireAuthentication: boolean;
  /** Extra directories searched for plugins, besides the server's own dependencies. */
  readonly pluginDirs: readonly string[];
}

export const ServerSettings: unique symbol = Symbol.for('@corral/contracts/ServerSettings');
