import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ServerSettings } from '@corral/contracts';
import { CliUsageError, type CliOptions } from './cli-options';

/** The YAML file's shape: every key optional, flags win over it. */
interface ConfigFile {
  port?: number;
  bind?: string;
  ssl?: boolean;
  ssl_key?: string;
  ssl_cert?: string;
  require_authentication?: boolean;
  data_dir?: string;
  users_file?: string;
  plugin_dirs?: string[];
}

const CONFIG_KEYS = new Set(['port', 'bind', 'ssl', 'ssl_key', 'ssl_cert', 'require_authentication', 'data_dir', 'users_file', 'plugin_dirs']);

function readConfigFile(path: string): ConfigFile {
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliUsageError(`Cannot read config file ${path}: ${(error as Error).message}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new CliUsageError(`Config file ${path} must be a mapping`);
  const unknown = Object.keys(doc).filter((k) => !CONFIG_KEYS.has(k));
  if (unknown.length > 0) throw new CliUsageError(`Unknown keys in config file ${path}: ${unknown.join(', ')}`);
  return doc as ConfigFile;
}

/**
 * Resolves the server settings: built-in defaults, then the YAML file
 * (`--config`, or `corral.yaml` in the data directory when present), then
 * the command-line flags. Relative paths resolve against `cwd`.
 */
export function resolveSettings(cli: CliOptions, cwd: string = process.cwd()): ServerSettings {
  const cliDataDir = cli.dataDir === undefined ? undefined : resolve(cwd, cli.dataDir);
  const implicitConfig = join(cliDataDir ?? resolve(cwd, 'data'), 'corral.yaml');
  const configPath = cli.configFile !== undefined ? resolve(cwd, cli.configFile) : existsSync(implicitConfig) ? implicitConfig : undefined;
  const file = configPath ? readConfigFile(configPath) : {};
  const dataDir = cliDataDir ?? resolve(cwd, file.data_dir ?? 'data');
  const pem = join(dataDir, 'rapi.pem');
  const path = (p: string | undefined): string | undefined => (p === undefined ? undefined : resolve(cwd, p));
  return {
    dataDir,
    port: cli.port ?? file.port ?? 5080,
    bindAddress: cli.bind ?? file.bind ?? '127.0.0.1',
    ssl: cli.ssl ?? file.ssl ?? true,
    sslKeyPath: path(cli.sslKey) ?? path(file.ssl_key) ?? pem,
    sslCertPath: path(cli.sslCert) ?? path(file.ssl_cert) ?? pem,
    usersFile: path(cli.usersFile) ?? path(file.users_file) ?? join(dataDir, 'rapi', 'users'),
    requireAuthentication: cli.requireAuthentication ?? file.require_authentication ?? false,
    pluginDirs: (file.plugin_dirs ?? []).map((d) => resolve(cwd, d)),
  };
}
