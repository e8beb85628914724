import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalNodeRunner, PluginRegistry, pluginRejection, type OsInstanceSpec, type OsProvider } from '@corral/contracts';
import { BuiltinOsSource } from './noop-operating-system';
import { osSearchPath } from './os-search-path';
import { ScriptOsSource } from './script-os-source';

/** Parses `env -0`-free `env` output into a map, without PATH and PWD. */
function envFile(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && !['PATH', 'PWD', 'SHLVL', '_'].includes(line.slice(0, at))) out[line.slice(0, at)] = line.slice(at + 1);
  }
  return out;
}

const INSTANCE: OsInstanceSpec = {
  name: 'inst1.example.com',
  os: 'debian+bookworm',
  hypervisor: 'fake',
  osparams: { mirror: 'http://deb.debian.org', 'extra-pkgs': 'vim' },
  hvparams: { migration_mode: 'live' },
  beparams: { maxmem: 512, vcpus: 1 },
  diskTemplate: 'file',
  disks: [{ path: '/nodes/n1/file-storage/inst1/disk0', mode: 'rw' }],
  nics: [{ mac: 'aa:00:00:11:22:33', ip: '192.0.2.10', mode: 'bridged', link: 'br0' }],
  debugLevel: 0,
};

describe('ScriptOsSource', () => {
  let nodeDir: string;
  let osDir: string;
  let out: string;

  beforeAll(() => {
    nodeDir = mkdtempSync(join(tmpdir(), 'corral-os-'));
    out = join(nodeDir, 'out');
    mkdirSync(out);
    osDir = join(nodeDir, 'os', 'debian');
    mkdirSync(osDir, { recursive: true });
    writeFileSync(join(osDir, 'ganeti_api_version'), '20\n15\n');
    writeFileSync(join(osDir, 'variants.list'), 'bookworm\ntrixie\n');
    writeFileSync(join(osDir, 'parameters.list'), 'mirror The Debian mirror\nextra-pkgs Packages to add\n');
    const scripts: Record<string, string> = {
      create: `env > ${out}/create.env`,
      import: `env > ${out}/import.env; cat > ${out}/imported`,
      export: `env > ${out}/export.env; printf exported-data`,
      rename: `env > ${out}/rename.env`,
      verify: `env > ${out}/verify.env; [ "$OSP_MIRROR" != bad ] || { echo "mirror is bad" >&2; exit 1; }`,
    };
    for (const [name, body] of Object.entries(scripts)) {
      writeFileSync(join(osDir, name), `#!/bin/sh\n${body}\n`);
      chmodSync(join(osDir, name), 0o755);
    }
    mkdirSync(join(nodeDir, 'os', 'broken')); // no ganeti_api_version: not listed
  });
  afterAll(() => rmSync(nodeDir, { recursive: true, force: true }));

  const source = (): ScriptOsSource => new ScriptOsSource(osSearchPath(nodeDir, []));

  describe('when listing a node search path', () => {
    it('reports the valid definitions with versions, variants and parameters', async () => {
      expect(await source().list()).toEqual([
        {
          name: 'debian',
          path: osDir,
          apiVersions: [15, 20],
          variants: ['bookworm', 'trixie'],
          parameters: [
            ['mirror', 'The Debian mirror'],
            ['extra-pkgs', 'Packages to add'],
          ],
        },
      ]);
    });
  });

  describe('when create runs', () => {
    it('passes exactly the Ganeti environment', async () => {
      await (await source().get('debian'))!.create(INSTANCE);
      expect(envFile(join(out, 'create.env'))).toEqual({
        OS_API_VERSION: '20',
        OS_NAME: 'debian',
        OS_VARIANT: 'bookworm',
        DEBUG_LEVEL: '0',
        OSP_MIRROR: 'http://deb.debian.org',
        OSP_EXTRA_PKGS: 'vim',
        INSTANCE_NAME: 'inst1.example.com',
        INSTANCE_OS: 'debian+bookworm',
        HYPERVISOR: 'fake',
        DISK_COUNT: '1',
        DISK_0_PATH: '/nodes/n1/file-storage/inst1/disk0',
        DISK_0_ACCESS: 'rw',
        DISK_0_BACKEND_TYPE: 'file:loop',
        NIC_COUNT: '1',
        NIC_0_MAC: 'aa:00:00:11:22:33',
        NIC_0_IP: '192.0.2.10',
        NIC_0_MODE: 'bridged',
        NIC_0_LINK: 'br0',
        NIC_0_BRIDGE: 'br0',
        INSTANCE_HV_migration_mode: 'live',
        INSTANCE_BE_maxmem: '512',
        INSTANCE_BE_vcpus: '1',
      });
    });

    it('refuses a missing or unknown variant', async () => {
      const os = (await source().get('debian'))!;
      expect((await pluginRejection(os.create({ ...INSTANCE, os: 'debian' }))).message).toBe("OS name 'debian' must include a variant");
      expect((await pluginRejection(os.create({ ...INSTANCE, os: 'debian+sid' }))).message).toBe('Unsupported OS variant sid');
    });
  });

  describe('when import, export and rename run', () => {
    it('feeds the import script the source on stdin, with IMPORT_INDEX and IMPORT_DEVICE', async () => {
      const src = join(nodeDir, 'image');
      writeFileSync(src, 'disk-image');
      await (await source().get('debian'))!.import(INSTANCE, 0, src);
      expect(readFileSync(join(out, 'imported'), 'utf8')).toBe('disk-image');
      expect(envFile(join(out, 'import.env'))).toMatchObject({ IMPORT_INDEX: '0', IMPORT_DEVICE: '/nodes/n1/file-storage/inst1/disk0' });
    });

    it('writes the export script stdout to the destination', async () => {
      const dest = join(nodeDir, 'exported');
      await (await source().get('debian'))!.export(INSTANCE, 0, dest);
      expect(readFileSync(dest, 'utf8')).toBe('exported-data');
      expect(envFile(join(out, 'export.env'))).toMatchObject({ EXPORT_INDEX: '0', EXPORT_DEVICE: '/nodes/n1/file-storage/inst1/disk0' });
    });

    it('gives rename the old name', async () => {
      await (await source().get('debian'))!.rename(INSTANCE, 'old.example.com');
      expect(envFile(join(out, 'rename.env'))).toMatchObject({ OLD_INSTANCE_NAME: 'old.example.com', INSTANCE_NAME: 'inst1.example.com' });
    });
  });

  describe('when parameters are verified', () => {
    it('runs verify with the core environment only', async () => {
      await (await source().get('debian'))!.verify({ mirror: 'http://m' }, 'trixie');
      expect(envFile(join(out, 'verify.env'))).toEqual({ OS_API_VERSION: '20', OS_NAME: 'debian', OS_VARIANT: 'trixie', DEBUG_LEVEL: '0', OSP_MIRROR: 'http://m' });
    });

    it('reports the verify script failure with its output', async () => {
      const error = await pluginRejection((await source().get('debian'))!.verify({ mirror: 'bad' }));
      expect([error.kind, error.message]).toEqual(['os', 'OS verify script failed (exit code 1), output: mirror is bad']);
    });

    it('refuses parameters the OS does not declare', async () => {
      expect((await pluginRejection((await source().get('debian'))!.verify({ colour: 'red' }))).message).toBe('Unknown parameters for OS debian: colour');
    });
  });

  describe('when the OS is asked for through the node runner', () => {
    it('finds script OSes and the built-in noop+default', async () => {
      const providers: OsProvider[] = [
        { name: 'scripts', forNode: (n) => new ScriptOsSource(osSearchPath(n.node_dir, [])) },
        { name: 'builtin', forNode: () => new BuiltinOsSource() },
      ];
      const services = new LocalNodeRunner(new PluginRegistry([], [], providers, [])).on({ name: 'n1', node_dir: nodeDir });
      expect((await services.listOses()).map((o) => o.name)).toEqual(['debian', 'noop']);
      const noop = await services.os('noop+default');
      expect(await noop.create({ ...INSTANCE, os: 'noop+default' })).toEqual({ output: '' });
      expect((await pluginRejection(services.os('centos+9'))).message).toBe("OS 'centos' not found on node n1");
    });
  });
});
