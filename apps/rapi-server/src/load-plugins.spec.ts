import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Container } from 'inversify';
import { contractsModule, PluginRegistry } from '@corral/contracts';
import { discoverPlugins } from './discover-plugins';
import { loadPlugins } from './load-plugins';

const PROVIDER = (name: string): string =>
  "const { ContainerModule } = require('inversify');\n" +
  "const { HypervisorProvider } = require('@corral/contracts');\n" +
  `exports.plugin = new ContainerModule(({ bind }) => bind(HypervisorProvider).toConstantValue({ name: '${name}', forNode: () => ({}) }));\n`;

function writePackage(dir: string, pkg: object, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

describe('discoverPlugins and loadPlugins', () => {
  let root: string;
  let server: string;
  let extra: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'corral-discovery-'));
    server = join(root, 'server');
    extra = join(root, 'extra');
    // Installed as npm would with peers: the server's own inversify.
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    symlinkSync(join(__dirname, '../../../node_modules/inversify'), join(root, 'node_modules', 'inversify'));
    writePackage(server, { name: 'server', dependencies: { 'hv-one': '1.0.0', 'plain-lib': '1.0.0' } }, {});
    const hv = (name: string): object => ({ name: `hv-${name}`, version: '1.0.0', corral: { kind: 'hypervisor', name, entry: 'index.js' } });
    writePackage(join(root, 'node_modules', 'hv-one'), hv('one'), { 'index.js': PROVIDER('one') });
    writePackage(join(root, 'node_modules', 'plain-lib'), { name: 'plain-lib', version: '1.0.0' }, {});
    writePackage(join(extra, '@acme', 'hv-two'), { ...hv('two'), name: '@acme/hv-two' }, { 'index.js': PROVIDER('two') });
    writePackage(join(extra, 'again-one'), { ...hv('one'), name: 'hv-one-copy' }, { 'index.js': PROVIDER('one') });
    writePackage(join(extra, 'nothing'), { ...hv('nothing'), name: 'hv-nothing' }, { 'index.js': 'exports.answer = 42;\n' });
    writePackage(join(extra, 'missing-entry'), { ...hv('missing'), name: 'hv-missing' }, {});
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe('when plugins are found among the dependencies and in a plugin directory', () => {
    it('lists the manifest packages only, dependencies first, scoped packages included', () => {
      expect(discoverPlugins(server, [extra]).map((p) => [p.packageName, p.source])).toEqual([
        ['hv-one', 'dependency'],
        ['@acme/hv-two', extra],
        ['hv-one-copy', extra],
        ['hv-missing', extra],
        ['hv-nothing', extra],
      ]);
    });
  });

  describe('when they are loaded', () => {
    it('loads the good ones, skips duplicates and reports the broken ones', async () => {
      const container = new Container();
      await container.load(contractsModule);
      const reports = await loadPlugins(container, discoverPlugins(server, [extra]));
      expect(reports.map((r) => [r.name, r.status, r.reason])).toEqual([
        ['one', 'loaded', undefined],
        ['two', 'loaded', undefined],
        ['one', 'duplicate', "a hypervisor plugin named 'one' is already loaded"],
        ['missing', 'failed', expect.stringContaining(`Cannot find module '${join(extra, 'missing-entry', 'index.js')}'`)],
        ['nothing', 'failed', 'its entry exports no inversify ContainerModule'],
      ]);
      expect(container.get(PluginRegistry).hypervisors.map((h) => h.name)).toEqual(['one', 'two']);
    });
  });
});
