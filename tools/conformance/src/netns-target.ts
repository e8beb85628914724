import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { CapturedResponse } from './captured-response';
import type { AuthMode, Credentials, ScriptRequest } from './request-script';
import type { TargetServer } from './target-server';

/** Where the live reference cluster lives and how to reach it. */
export interface NetnsReference {
  /** Network namespace the RAPI is reachable from (`ganref`). */
  readonly netns: string;
  readonly url: string;
  readonly credentials: Credentials;
  /** The reference's directory, for `rapi-mode.sh` (switching `--require-authentication`). */
  readonly referenceDir: string;
}

function run(command: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { maxBuffer: 256 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
    child.stdin?.end(input ?? '');
  });
}

/**
 * The live reference Ganeti, which only routes inside its network namespace:
 * the requests are sent by this tool's own `capture` command run there with
 * `ip netns exec` (needs root and a build: `npm run build`). Open-mode
 * requests switch ganeti-rapi with `rapi-mode.sh open` and back afterwards.
 */
export function netnsTarget(reference: NetnsReference): TargetServer {
  const cli = join(__dirname, 'main.js');
  let mode: AuthMode = 'require';
  const setMode = async (wanted: AuthMode): Promise<void> => {
    if (wanted === mode) return;
    await run(join(reference.referenceDir, 'rapi-mode.sh'), [wanted]);
    mode = wanted;
  };
  return {
    label: `ganeti (live, netns ${reference.netns})`,
    run: async (requests: readonly ScriptRequest[], wanted: AuthMode): Promise<CapturedResponse[]> => {
      await setMode(wanted);
      const out = await run('ip', ['netns', 'exec', reference.netns, process.execPath, cli, 'capture', '--url', reference.url], JSON.stringify({ requests, credentials: reference.credentials }));
      return JSON.parse(out) as CapturedResponse[];
    },
    close: () => setMode('require'),
  };
}
