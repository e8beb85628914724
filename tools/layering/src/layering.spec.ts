import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

/** Lints `code` as if it were the file at `file` (relative to the repo root). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  let output: string;
  try {
    output = execFileSync(resolve(root, 'node_modules/.bin/eslint'), ['--format', 'json', '--stdin', '--stdin-filename', resolve(root, file)], {
      cwd: root,
      input: code,
      encoding: 'utf8',
    });
  } catch (error) {
    output = (error as { stdout: string }).stdout; // eslint exits 1 when it reports errors
  }
  const [result] = JSON.parse(output) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('layer rules of the lint configuration', () => {
  beforeAll(() => {
    // The boundary rule reads Nx's project graph; computing it once makes it available.
    execFileSync(resolve(root, 'node_modules/.bin/nx'), ['show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } });
  }, 60_000);

  describe('when a lower layer imports a higher one', () => {
    it.each([
      ['packages/model/src/planted.ts', "import { HttpError } from '@corral/http';\nexport const x = HttpError;\n", 'layer:model'],
      ['packages/json-codec/src/planted.ts', "import { GanetiError } from '@corral/model';\nexport const x = GanetiError;\n", 'layer:codec'],
      ['packages/store/src/planted.ts', "import { HttpError } from '@corral/http';\nexport const x = HttpError;\n", 'layer:store'],
      ['packages/auth/src/planted.ts', "import { ConfigStore } from '@corral/store';\nexport const x = ConfigStore;\n", 'layer:auth'],
      ['plugins/hypervisor-fake/src/planted.ts', "import { JobQueue } from '@corral/jobs';\nexport const x = JobQueue;\n", 'layer:plugin'],
      ['plugins/storage-file/src/planted.ts', "import { ConfigStore } from '@corral/store';\nexport const x = ConfigStore;\n", 'layer:plugin'],
      ['plugins/iallocator-script/src/planted.ts', "import { rapiModule } from '@corral/rapi';\nexport const x = rapiModule;\n", 'layer:plugin'],
    ])('reports %s', async (file, code, tag) => {
      const errors = await boundaryErrors(file, code);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        new RegExp(`^A project tagged with "${tag}" (cannot depend on any libs with tags|can only depend on libs tagged with)`),
      );
    });
  });

  describe('when a layer imports one it may use', () => {
    it('reports nothing for a plugin importing contracts and model', async () => {
      const code = "import { PluginError } from '@corral/contracts';\nimport { GanetiError } from '@corral/model';\nexport const x = [PluginError, GanetiError];\n";
      expect(await boundaryErrors('plugins/hypervisor-fake/src/planted.ts', code)).toEqual([]);
    });

    it('reports nothing for store importing model', async () => {
      expect(await boundaryErrors('packages/store/src/planted.ts', "import { GanetiError } from '@corral/model';\nexport const x = GanetiError;\n")).toEqual([]);
    });
  });
});
