import { CliUsageError, parseCliOptions } from './cli-options';

describe('parseCliOptions', () => {
  it('reads the ganeti-rapi style short and long flags', () => {
    expect(parseCliOptions(['-p', '6000', '-b', '0.0.0.0', '--no-ssl', '-K', 'k.pem', '-C', 'c.pem', '--require-authentication'])).toEqual({
      help: false,
      listPlugins: false,
      configFile: undefined,
      port: 6000,
      bind: '0.0.0.0',
      ssl: false,
      sslKey: 'k.pem',
      sslCert: 'c.pem',
      requireAuthentication: true,
      dataDir: undefined,
      usersFile: undefined,
    });
  });

  it('leaves unset flags undefined so the config file can supply them', () => {
    const o = parseCliOptions([]);
    expect([o.port, o.ssl, o.requireAuthentication, o.dataDir]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('reads --list-plugins', () => {
    expect(parseCliOptions(['--list-plugins', '--config', 'c.yaml'])).toMatchObject({ listPlugins: true, configFile: 'c.yaml' });
  });

  it.each([[['--port', 'abc']], [['--port', '70000']], [['--bogus']], [['extra']]])('refuses %p', (argv) => {
    expect(() => parseCliOptions(argv)).toThrow(CliUsageError);
  });
});
