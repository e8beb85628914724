import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PluginError, type Iallocator, type IallocatorInput, type IallocatorResponse } from '@corral/contracts';
import { validateIallocatorResponse } from './validate-iallocator-response';

/** Output of an allocator script run. */
interface ScriptRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runScript(path: string, args: string[], timeoutMs: number): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    execFile(path, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: error ? (error.code as unknown as number) : 0, stdout, stderr });
    });
  });
}

/**
 * An external allocator run by Ganeti's protocol v2 (§5.1): the input
 * document goes to a temp file whose path is the script's first argument
 * (extra `--key=value` options follow it, as Ganeti passes them); exit 0
 * means stdout holds the response, anything else is a failure whose output
 * is shown.
 */
export class ScriptIallocator implements Iallocator {
  constructor(
    readonly name: string,
    readonly path: string,
    private readonly timeoutMs: number = 5 * 60_000,
  ) {}

  async run(input: IallocatorInput, options: { readonly extraArgs?: readonly string[] } = {}): Promise<IallocatorResponse> {
    const dir = mkdtempSync(join(tmpdir(), 'corral-iallocator-'));
    const file = join(dir, 'input.json');
    try {
      writeFileSync(file, JSON.stringify(input));
      let run: ScriptRun;
      try {
        run = await runScript(this.path, [file, ...(options.extraArgs ?? [])], this.timeoutMs);
      } catch (error) {
        throw new PluginError('iallocator', `Instance allocator call failed: cannot run ${this.path}: ${(error as Error).message}`, this.name);
      }
      if (run.code !== 0) {
        const output = `${run.stdout}${run.stderr}`.trim();
        throw new PluginError('iallocator', `Instance allocator call failed: exited with code ${run.code}, output: ${output}`, this.name);
      }
      return validateIallocatorResponse(input.request, run.stdout, this.name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
