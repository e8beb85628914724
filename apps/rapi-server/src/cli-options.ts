import { parseArgs } from 'node:util';

/** What the command line asked for; absent fields fall back to the config file. */
export interface CliOptions {
  readonly help: boolean;
  /** Print the discovered plugins and exit. */
  readonly listPlugins: boolean;
  readonly configFile?: string;
  readonly port?: number;
  readonly bind?: string;
  readonly ssl?: boolean;
  readonly sslKey?: string;
  readonly sslCert?: string;
  readonly requireAuthentication?: boolean;
  readonly dataDir?: string;
  readonly usersFile?: string;
}

export const USAGE = `Usage: corral-rapi [options]
       corral-rapi init --cluster-name NAME [options]   (see corral-rapi init --help)

Serves the Ganeti Remote API (RAPI v2) for a Corral cluster. On the first
start an uninitialised data directory gets the embedded one-node cluster.

Options (they mirror ganeti-rapi's, and override the config file):
  -p, --port PORT               port to listen on (default 5080)
  -b, --bind ADDRESS            address to bind (default 127.0.0.1)
      --no-ssl                  serve plain HTTP instead of HTTPS
  -K, --ssl-key FILE            TLS private key (default: generated into the data directory)
  -C, --ssl-cert FILE           TLS certificate (default: generated into the data directory)
      --require-authentication  every request needs valid credentials, GETs included
      --data-dir DIR            directory holding all state (default ./data)
      --users-file FILE         RAPI users file (default <data-dir>/rapi/users)
      --config FILE             YAML configuration file (default <data-dir>/corral.yaml if present)
      --list-plugins            list the plugins found (dependencies and plugin_dirs) and exit
  -h, --help                    show this help and exit
`;

/** Raised for a bad command line; the message is meant for the operator. */
export class CliUsageError extends Error {}

/** Parses ganeti-rapi-style flags (pure: argv in, options out). */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        'list-plugins': { type: 'boolean' },
        port: { type: 'string', short: 'p' },
        bind: { type: 'string', short: 'b' },
        'no-ssl': { type: 'boolean' },
        'ssl-key': { type: 'string', short: 'K' },
        'ssl-cert': { type: 'string', short: 'C' },
        'require-authentication': { type: 'boolean' },
        'data-dir': { type: 'string' },
        'users-file': { type: 'string' },
        config: { type: 'string' },
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const v = parsed.values;
  let port: number | undefined;
  if (v.port !== undefined) {
    port = Number(v.port);
    if (!/^\d+$/.test(v.port) || port > 65535) throw new CliUsageError(`Invalid port '${v.port}'`);
  }
  return {
    help: v.help ?? false,
    listPlugins: v['list-plugins'] ?? false,
    configFile: v.config,
    port,
    bind: v.bind,
    ssl: v['no-ssl'] ? false : undefined,
    sslKey: v['ssl-key'],
    sslCert: v['ssl-cert'],
    requireAuthentication: v['require-authentication'] ? true : undefined,
    dataDir: v['data-dir'],
    usersFile: v['users-file'],
  };
}
