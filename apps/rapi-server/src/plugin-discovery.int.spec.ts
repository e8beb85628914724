import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NodeRunner, PluginRegistry, type HypervisorInstanceSpec } from '@corral/contracts';
import { ConfigStore } from '@corral/store';
import { PluginReports } from './plugin-report';
import { MemoryLogger, startTestServer, type TestServer } from './testing/start-test-server';

const REPO = resolve(__dirname, '../../..');
const EXAMPLE = join(REPO, 'docs/examples/hypervisor-example');
const MAIN = join(REPO, 'apps/rapi-server/dist/main.js');

const OWN_PLUGINS = [
  'hypervisor fake @corral/hypervisor-fake@0.1.0 from dependencies: loaded',
  'iallocator builtin @corral/iallocator-builtin@0.1.0 from dependencies: loaded',
  'iallocator script @corral/iallocator-script@0.1.0 from dependencies: loaded',
  'os scripts @corral/os-scripts@0.1.0 from dependencies: loaded',
  'storage file @corral/storage-file@0.1.0 from dependencies: loaded',
  'storage lvm @corral/storage-lvm@0.1.0 from dependencies: loaded',
];

/** A plugin directory outside the repo: the example plugin, a plugin that throws on load, one with a bad manifest. */
function makePluginDir(root: string): string {
  const dir = join(root, 'plugins');
  cpSync(EXAMPLE, join(dir, 'hypervisor-example'), { recursive: true });
  mkdirSync(join(dir, 'broken'));
  writeFileSync(
    join(dir, 'broken', 'package.json'),
    JSON.stringify({ name: 'corral-broken', version: '0.0.1', corral: { kind: 'storage', name: 'broken', entry: 'index.js' } }),
  );
  writeFileSync(join(dir, 'broken', 'index.js'), "throw new Error('broken on purpose');\n");
  mkdirSync(join(dir, 'bad-manifest'));
  writeFileSync(join(dir, 'bad-manifest', 'package.json'), JSON.stringify({ name: 'corral-bad', version: '2.0.0', corral: { kind: 'toaster', name: 'x', entry: 'i.js' } }));
  mkdirSync(join(dir, 'not-a-plugin'));
  writeFileSync(join(dir, 'not-a-plugin', 'package.json'), JSON.stringify({ name: 'left-pad', version: '1.0.0' }));
  return dir;
}

/** An ESM plugin (`"type": "module"`) whose node_modules links the server's inversify and contracts, as `npm link` would. */
function makeEsmPluginDir(root: string): string {
  const dir = join(root, 'esm-plugins');
  const pkg = join(dir, 'esm-example');
  mkdirSync(join(pkg, 'node_modules', '@corral'), { recursive: true });
  symlinkSync(join(REPO, 'node_modules', 'inversify'), join(pkg, 'node_modules', 'inversify'));
  symlinkSync(join(REPO, 'packages', 'contracts'), join(pkg, 'node_modules', '@corral', 'contracts'));
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({ name: 'corral-esm-example', version: '0.2.0', type: 'module', corral: { kind: 'iallocator', name: 'esm-example', entry: 'index.js' } }),
  );
  writeFileSync(
    join(pkg, 'index.js'),
    "import { ContainerModule } from 'inversify';\nimport contracts from '@corral/contracts';\n" +
      'export default new ContainerModule(({ bind }) => bind(contracts.IallocatorProvider).toConstantValue({ names: () => [], get: () => null }));\n',
  );
  return dir;
}

function run(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [file, ...args], { encoding: 'utf8' }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('plugin discovery', () => {
  let root: string;
  let pluginDir: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'corral-plugin-dir-'));
    pluginDir = makePluginDir(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe('when the built server runs with --list-plugins and plugin_dirs in its YAML config', () => {
    it('prints its own plugins, the example and an ESM plugin loaded with real import(), and the broken ones, then exits 0', async () => {
      if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does)`);
      const config = join(root, 'corral.yaml');
      const esmDir = makeEsmPluginDir(root);
      writeFileSync(config, `data_dir: ${join(root, 'data')}\nplugin_dirs:\n  - ${pluginDir}\n  - ${esmDir}\n`);
      const result = await run(MAIN, ['--list-plugins', '--config', config]);
      expect(result).toEqual({
        code: 0,
        stderr: '',
        stdout: [
          ...OWN_PLUGINS,
          `? corral-bad corral-bad@2.0.0 from ${pluginDir}: failed: "corral.kind" must be one of hypervisor, storage, os, iallocator, got "toaster"`,
          `storage broken corral-broken@0.0.1 from ${pluginDir}: failed: broken on purpose`,
          `hypervisor example corral-hypervisor-example@1.0.0 from ${pluginDir}: loaded`,
          `iallocator esm-example corral-esm-example@0.2.0 from ${esmDir}: loaded`,
          '',
        ].join('\n'),
      });
      expect(existsSync(join(root, 'data'))).toBe(false);
    });
  });

  describe('when the server starts with the plugin directory', () => {
    let server: TestServer;
    const logger = new MemoryLogger();

    beforeAll(async () => {
      // As npm installs a plugin with its peers: node_modules/inversify is the server's copy.
      mkdirSync(join(pluginDir, 'node_modules'), { recursive: true });
      symlinkSync(join(REPO, 'node_modules', 'inversify'), join(pluginDir, 'node_modules', 'inversify'));
      server = await startTestServer({ pluginDirs: [pluginDir] }, logger);
    });
    afterAll(async () => {
      await server.stop();
    });

    it('logs what it found and skips the broken plugins', () => {
      const lines = logger.lines.filter((l) => l.includes('Plugin'));
      expect(lines).toEqual([
        'INFO Plugins found: 9',
        ...OWN_PLUGINS.map((l) => `INFO Plugin ${l}`),
        `WARN Plugin ? corral-bad corral-bad@2.0.0 from ${pluginDir}: failed: "corral.kind" must be one of hypervisor, storage, os, iallocator, got "toaster"`,
        `WARN Plugin storage broken corral-broken@0.0.1 from ${pluginDir}: failed: broken on purpose`,
        `INFO Plugin hypervisor example corral-hypervisor-example@1.0.0 from ${pluginDir}: loaded`,
      ]);
      expect(server.container.get<PluginReports>(PluginReports).map((r) => r.status)).toEqual([
        'loaded', 'loaded', 'loaded', 'loaded', 'loaded', 'loaded', 'failed', 'failed', 'loaded',
      ]);
    });

    it('registers the example hypervisor beside the fake one', () => {
      expect(server.container.get(PluginRegistry).hypervisors.map((h) => h.name)).toEqual(['fake', 'example']);
    });

    it('runs the example hypervisor on the master node through the node runner', async () => {
      const node = (await server.container.get<ConfigStore>(ConfigStore).snapshot()).list('node')[0];
      const hypervisor = server.container.get<NodeRunner>(NodeRunner).on(node).hypervisor('example');
      const instance: HypervisorInstanceSpec = { name: 'inst1.example.com', memory: 256, vcpus: 1, hvparams: {}, disks: [], nics: [] };
      await hypervisor.startInstance(instance);
      expect(readdirSync(join(node.node_dir, 'run', 'example-hypervisor'))).toEqual(['inst1.example.com']);
      expect(readFileSync(join(node.node_dir, 'run', 'example-hypervisor', 'inst1.example.com'), 'utf8')).toBe('256\n');
      expect(await hypervisor.listInstances()).toEqual(['inst1.example.com']);
      await hypervisor.stopInstance('inst1.example.com');
      expect(readdirSync(join(node.node_dir, 'run', 'example-hypervisor'))).toEqual([]);
    });
  });
});
