import { parseArgs } from 'node:util';
import { RapiClient, RapiConnectionError, RapiError } from '@corral/client';
import { ExitCode, UsageError } from './cli-error';
import type { Command, OptionValues } from './command';
import { commandTable } from './command-table';
import { resolveConnection } from './connection-settings';
import { followJob, type CliIo } from './output/follow-job';

const GLOBAL_OPTIONS = {
  server: { type: 'string' },
  user: { type: 'string' },
  'password-file': { type: 'string' },
  'ca-file': { type: 'string' },
  insecure: { type: 'boolean' },
  'no-tls': { type: 'boolean' },
  timeout: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean' },
  submit: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const GLOBAL_HELP = `Connection (flags, then CORRAL_* environment variables, then ~/.config/corral/cli.yaml):
  --server URL            RAPI server, e.g. https://cluster:5080 (CORRAL_SERVER; default https://127.0.0.1:5080)
  --user NAME             user name (CORRAL_USER)
  --password-file FILE    file holding the password (CORRAL_PASSWORD_FILE, or CORRAL_PASSWORD)
  --ca-file FILE          CA or server certificate to verify TLS with (CORRAL_CA_FILE)
  --insecure              do not verify the server certificate (CORRAL_INSECURE=1)
  --no-tls                plain HTTP
  --timeout SECONDS       per-request timeout
  --config FILE           YAML file with server, user, password_file, ca_file, insecure, tls, timeout
Output:
  --json                  machine-readable JSON output
  --submit                submit the job, print its id and do not wait
Exit codes: 0 success, 1 job failed or request refused, 2 bad command line, 3 server unreachable.
`;

function usage(): string {
  const lines = commandTable.map((c) => `  corral ${c.words.join(' ')} ${c.usage}`.trimEnd() + `\n      ${c.summary}`);
  return `Usage: corral GROUP VERB [ARGS] [OPTIONS]\n\nCommands:\n${lines.join('\n')}\n\n${GLOBAL_HELP}`;
}

function commandHelp(c: Command): string {
  return `Usage: corral ${c.words.join(' ')} ${c.usage}\n\n${c.summary}\n\n${GLOBAL_HELP}`;
}

function checkArgCount(c: Command, count: number): void {
  const [min, max] = typeof c.args === 'number' ? [c.args, c.args] : (c.args ?? [0, Infinity]);
  if (count < min || count > max) throw new UsageError(`Wrong number of arguments for '${c.words.join(' ')}'; usage: corral ${c.words.join(' ')} ${c.usage}`);
}

/**
 * Runs one `corral` command line and returns its exit code. In-process and
 * side-effect free apart from `io` and the network, so tests can call it.
 */
export async function runCli(argv: readonly string[], io: CliIo, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  try {
    const [group, verb] = argv;
    if (group === undefined || group === '-h' || group === '--help' || group === 'help') {
      io.out(usage());
      return group === undefined ? ExitCode.usage : ExitCode.ok;
    }
    const command = commandTable.find((c) => c.words[0] === group && c.words[1] === verb);
    if (!command) throw new UsageError(`Unknown command '${[group, verb].filter(Boolean).join(' ')}'; see corral --help`);
    let parsed;
    try {
      parsed = parseArgs({ args: argv.slice(2), options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const values = parsed.values as OptionValues;
    if (values.help) {
      io.out(commandHelp(command));
      return ExitCode.ok;
    }
    checkArgCount(command, parsed.positionals.length);
    const client = new RapiClient(
      resolveConnection(
        {
          server: values.server as string | undefined,
          user: values.user as string | undefined,
          passwordFile: values['password-file'] as string | undefined,
          caFile: values['ca-file'] as string | undefined,
          insecure: values.insecure as boolean | undefined,
          noTls: values['no-tls'] as boolean | undefined,
          timeout: values.timeout as string | undefined,
          config: values.config as string | undefined,
        },
        env,
      ),
    );
    const json = values.json === true;
    try {
      return await command.run({
        client,
        args: parsed.positionals,
        options: values,
        io,
        json,
        print: (value, text) => io.out(json || !text ? JSON.stringify(value, null, 2) + '\n' : text()),
        job: async (id) => {
          if (values.submit) {
            io.out(json ? `${JSON.stringify({ job_id: id })}\n` : `${id}\n`);
            return ExitCode.ok;
          }
          const { code, info } = await followJob(client, id, io);
          if (json) io.out(JSON.stringify(info, null, 2) + '\n');
          else if (code === ExitCode.ok && info.opresult.some((r) => r !== null)) {
            io.out(info.opresult.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n');
          }
          return code;
        },
      });
    } finally {
      client.close();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`corral: ${error.message}\n`);
      return ExitCode.usage;
    }
    if (error instanceof RapiError) {
      io.err(`corral: ${error.code} ${error.message}${error.explain ? `: ${error.explain}` : ''}\n`);
      return ExitCode.failed;
    }
    if (error instanceof RapiConnectionError) {
      io.err(`corral: cannot reach the server: ${error.message}\n`);
      return ExitCode.unreachable;
    }
    io.err(`corral: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failed;
  }
}
