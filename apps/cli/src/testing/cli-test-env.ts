import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@corral/rapi-server';
import { makeTempDir, type TempDir } from '@corral/testing';
import { runCli } from '../run-cli';

/** What one `corral` run printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** A real server plus the environment a user of `corral` would set for it. */
export interface CliTestEnv {
  readonly server: TestServer;
  readonly dir: TempDir;
  /** CORRAL_SERVER, CORRAL_USER, CORRAL_PASSWORD_FILE, CORRAL_CA_FILE and a private HOME. */
  readonly env: Record<string, string | undefined>;
  stop(): Promise<void>;
}

/** Runs `corral argv` in-process with the given environment, capturing its output. */
export async function corral(argv: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), interactive: false }, env);
  return { code, out, err };
}

/** Starts the real server and writes the password file the CLI reads (verified TLS with its certificate). */
export async function startCliTestEnv(): Promise<CliTestEnv> {
  const server = await startTestServer();
  const dir = makeTempDir();
  const [user, password] = server.writeAuth.split(':');
  writeFileSync(join(dir.path, 'password'), `${password}\n`);
  return {
    server,
    dir,
    env: {
      HOME: dir.path,
      CORRAL_SERVER: server.url,
      CORRAL_USER: user,
      CORRAL_PASSWORD_FILE: join(dir.path, 'password'),
      CORRAL_CA_FILE: join(server.dataDir, 'rapi.pem'),
    },
    stop: async () => {
      await server.stop();
      dir.remove();
    },
  };
}
