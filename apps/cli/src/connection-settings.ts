import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { RapiClientOptions } from '@corral/client';
import { UsageError } from './cli-error';

/** Connection flags as parsed from the command line. */
export interface ConnectionFlags {
  readonly server?: string;
  readonly user?: string;
  readonly passwordFile?: string;
  readonly caFile?: string;
  readonly insecure?: boolean;
  readonly noTls?: boolean;
  readonly timeout?: string;
  readonly config?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

interface ConfigFile {
  server?: string;
  user?: string;
  password?: string;
  password_file?: string;
  ca_file?: string;
  insecure?: boolean;
  tls?: boolean;
  timeout?: number;
}

function readConfig(path: string | undefined, required: boolean): ConfigFile {
  if (path === undefined || !existsSync(path)) {
    if (required && path !== undefined) throw new UsageError(`Config file ${path} does not exist`);
    return {};
  }
  const doc = parseYaml(readFileSync(path, 'utf8')) as unknown;
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(`Config file ${path} must be a mapping`);
  return doc as ConfigFile;
}

function parseServer(server: string, tlsDefault: boolean): { host: string; port: number; tls: boolean } {
  const withScheme = /^[a-z]+:\/\//.test(server) ? server : `${tlsDefault ? 'https' : 'http'}://${server}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UsageError(`Invalid server '${server}'`);
  }
  const tls = url.protocol === 'https:';
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 5080, tls };
}

/**
 * Resolves where and as whom to connect: flags first, then the environment
 * (`CORRAL_SERVER`, `CORRAL_USER`, `CORRAL_PASSWORD`, `CORRAL_PASSWORD_FILE`,
 * `CORRAL_CA_FILE`, `CORRAL_INSECURE`), then the config file (`--config`,
 * `CORRAL_CONFIG`, or `~/.config/corral/cli.yaml`). A password is never taken
 * from a flag, so it never shows in the process list or shell history.
 */
export function resolveConnection(flags: ConnectionFlags, env: Env = process.env): RapiClientOptions {
  const explicit = flags.config ?? env.CORRAL_CONFIG;
  const file = readConfig(explicit ?? join(env.HOME ?? homedir(), '.config', 'corral', 'cli.yaml'), explicit !== undefined);
  const server = flags.server ?? env.CORRAL_SERVER ?? file.server ?? 'https://127.0.0.1:5080';
  const tlsDefault = flags.noTls ? false : (file.tls ?? true);
  const { host, port, tls } = parseServer(server, tlsDefault);
  const passwordFile = flags.passwordFile ?? env.CORRAL_PASSWORD_FILE ?? file.password_file;
  const password = passwordFile !== undefined ? readFileSync(passwordFile, 'utf8').replace(/\r?\n$/, '') : (env.CORRAL_PASSWORD ?? file.password);
  const caFile = flags.caFile ?? env.CORRAL_CA_FILE ?? file.ca_file;
  const timeout = flags.timeout ?? (file.timeout === undefined ? undefined : String(file.timeout));
  if (timeout !== undefined && !/^\d+$/.test(timeout)) throw new UsageError(`Invalid timeout '${timeout}' (seconds)`);
  return {
    host,
    port,
    tls: flags.noTls ? false : tls,
    username: flags.user ?? env.CORRAL_USER ?? file.user,
    password,
    ca: caFile !== undefined ? readFileSync(caFile) : undefined,
    insecure: flags.insecure ?? (env.CORRAL_INSECURE === '1' ? true : (file.insecure ?? false)),
    timeoutMs: timeout !== undefined ? Number(timeout) * 1000 : undefined,
  };
}
