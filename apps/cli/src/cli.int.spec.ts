import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestServer } from '@corral/rapi-server';
import type { TempDir } from '@corral/testing';
import { corral, startCliTestEnv, type CliTestEnv } from './testing/cli-test-env';

describe('corral CLI against the real server', () => {
  let server: TestServer;
  let dir: TempDir;
  let env: Record<string, string | undefined>;
  let cli: CliTestEnv;

  beforeAll(async () => {
    cli = await startCliTestEnv();
    ({ server, dir, env } = cli);
  });
  afterAll(async () => {
    await cli.stop();
  });

  describe('when showing cluster facts', () => {
    it('prints the version lines and exits 0', async () => {
      const r = await corral(['cluster', 'version'], env);
      expect(r).toEqual({ code: 0, out: 'RAPI version: 2\nSoftware version: 3.0.2\n(corral) version 0.1.0\n', err: '' });
    });

    it('prints the features as JSON with --json', async () => {
      const r = await corral(['cluster', 'features', '--json'], env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toEqual(['instance-create-reqv1', 'instance-reinstall-reqv1', 'node-migrate-reqv1', 'node-evac-res1']);
    });

    it('takes the connection from a config file when the environment has none', async () => {
      const config = join(dir.path, 'cli.yaml');
      writeFileSync(config, `server: ${server.url}\nca_file: ${join(server.dataDir, 'rapi.pem')}\n`);
      const r = await corral(['cluster', 'info', '--json', '--config', config], { HOME: dir.path });
      expect(r.code).toBe(0);
      expect((JSON.parse(r.out) as { name: string }).name).toBe('corral.local');
    });
  });

  describe('when the command line is wrong', () => {
    it.each([
      [['bogus', 'verb'], "corral: Unknown command 'bogus verb'; see corral --help\n"],
      [['job', 'info'], "corral: Wrong number of arguments for 'job info'; usage: corral job info ID\n"],
      [['job', 'info', 'abc'], "corral: Invalid job id 'abc'\n"],
    ])('exits 2 for %p', async (argv, message) => {
      expect(await corral(argv, env)).toEqual({ code: 2, out: '', err: message });
    });
  });

  describe('when the server cannot be reached or refuses', () => {
    it('exits 3 when nothing listens', async () => {
      const r = await corral(['cluster', 'version'], { ...env, CORRAL_SERVER: 'https://127.0.0.1:1' });
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/^corral: cannot reach the server: /);
    });

    it('exits 1 with the server message for a missing item, never echoing the password', async () => {
      const r = await corral(['instance', 'info', 'nosuch.example.com'], env);
      expect(r.code).toBe(1);
      expect(r.err).toBe('corral: 404 Not Found: Nothing matches the given URI\n');
      expect(r.err + r.out).not.toContain(server.writeAuth.split(':')[1]);
    });
  });

  describe('when a job succeeds', () => {
    it('shows the log and the outcome, exits 0, and the change is visible', async () => {
      const r = await corral(['cluster', 'redistribute-config'], env);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/^\d\d:\d\d:\d\d Configuration redistributed to 1 node\(s\)\nJob \d+ success after \d+\.\ds\n$/);
      const add = await corral(['tags', 'add', 'cluster', 'web', 'db'], env);
      expect(add.code).toBe(0);
      expect((await corral(['tags', 'list', 'cluster'], env)).out).toBe('db\nweb\n');
    });
  });

  describe('when a job fails', () => {
    it('prints the Ganeti error and exits 1', async () => {
      const r = await corral(['tags', 'add', 'instance', 'nosuch.example.com', 'x'], env);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/Job \d+ error after \d+\.\ds\nFailure: OpPrereqError: Instance 'nosuch.example.com' not known \(unknown_entity\)\n$/);
    });
  });

  describe('when only submitting', () => {
    it('prints the job id and returns at once; job info and job list show it', async () => {
      const r = await corral(['tags', 'add', 'cluster', 'later', '--submit'], env);
      expect(r.code).toBe(0);
      const id = Number(r.out.trim());
      expect(Number.isInteger(id)).toBe(true);
      const wait = await corral(['job', 'wait', String(id)], env);
      expect(wait.code).toBe(0);
      const info = await corral(['job', 'info', String(id), '--json'], env);
      expect(JSON.parse(info.out)).toMatchObject({ id, status: 'success', summary: ['TAGS_SET'] });
      const list = await corral(['job', 'list', '-o', 'id,status', '--no-headers', '--separator', ' '], env);
      expect(list.out.split('\n')).toContain(`${id} success`);
    });
  });

  describe('when cancelling a finished job', () => {
    it('prints the refusal and exits 1', async () => {
      const r = await corral(['tags', 'add', 'cluster', 'done', '--submit'], env);
      const id = r.out.trim();
      await corral(['job', 'wait', id], env);
      const cancel = await corral(['job', 'cancel', id], env);
      expect(cancel).toEqual({ code: 1, out: `Job ${id} is no longer waiting in the queue\n`, err: '' });
    });
  });
});
