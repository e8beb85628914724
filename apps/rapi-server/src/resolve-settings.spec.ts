import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, type TempDir } from '@corral/testing';
import { parseCliOptions } from './cli-options';
import { resolveSettings } from './resolve-settings';

describe('resolveSettings', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.remove());

  describe('when nothing is configured', () => {
    it('uses the embedded defaults under ./data', () => {
      const s = resolveSettings(parseCliOptions([]), dir.path);
      expect(s).toEqual({
        dataDir: join(dir.path, 'data'),
        port: 5080,
        bindAddress: '127.0.0.1',
        ssl: true,
        sslKeyPath: join(dir.path, 'data', 'rapi.pem'),
        sslCertPath: join(dir.path, 'data', 'rapi.pem'),
        usersFile: join(dir.path, 'data', 'rapi', 'users'),
        requireAuthentication: false,
        pluginDirs: [],
      });
    });
  });

  describe('when a YAML file and flags are both given', () => {
    it('takes the file over the defaults and the flags over the file', () => {
      const file = join(dir.path, 'corral.yaml');
      writeFileSync(file, 'port: 6000\nbind: 0.0.0.0\nssl: false\nrequire_authentication: true\nplugin_dirs: [plugins]\n');
      const s = resolveSettings(parseCliOptions(['--config', file, '-p', '7000']), dir.path);
      expect([s.port, s.bindAddress, s.ssl, s.requireAuthentication, s.pluginDirs]).toEqual([
        7000,
        '0.0.0.0',
        false,
        true,
        [join(dir.path, 'plugins')],
      ]);
    });

    it('refuses unknown keys in the file', () => {
      const file = join(dir.path, 'corral.yaml');
      writeFileSync(file, 'prot: 6000\n');
      expect(() => resolveSettings(parseCliOptions(['--config', file]), dir.path)).toThrow('Unknown keys in config file');
    });
  });
});
