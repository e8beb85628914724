import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pluginRejection, type IallocatorRequest } from '@corral/contracts';
import { findIallocatorScript } from './find-iallocator-script';
import { IALLOCATOR_SEARCH_PATH } from './iallocator-search-path';
import { ScriptIallocator } from './script-iallocator';
import { ScriptIallocatorProvider } from './script-iallocator-provider';
import { ALLOCATE_NEW1, twoNodeClusterInput } from './testing/two-node-cluster-input';

describe('ScriptIallocator', () => {
  describe('when hail (ganeti-htools-3.0) answers an allocate request', () => {
    const provider = new ScriptIallocatorProvider();

    beforeAll(() => {
      if (!findIallocatorScript('hail', IALLOCATOR_SEARCH_PATH)) {
        throw new Error(`hail not found in ${IALLOCATOR_SEARCH_PATH.join(', ')}: install Debian's ganeti-htools-3.0 (.ci/install-debian-packages)`);
      }
    });

    it('is listed and found by name on Ganeti search path', () => {
      expect(provider.names()).toContain('hail');
    });

    it('places the new instance on the emptier node', async () => {
      const response = await provider.get('hail')!.run(twoNodeClusterInput());
      expect(response.success).toBe(true);
      expect(response.result).toEqual(['node2.example.com']);
      expect(response.info).toMatch(/^Request successful: Selected group: default, .* for node\(s\) node2\.example\.com$/);
    });

    it('answers a multi-allocate request with [[instance, nodes]...], failed]', async () => {
      const { type: _type, ...spec } = ALLOCATE_NEW1 as Extract<IallocatorRequest, { type: 'allocate' }>;
      const request: IallocatorRequest = {
        type: 'multi-allocate',
        instances: [
          { ...spec, name: 'new1.example.com' },
          { ...spec, name: 'new2.example.com' },
        ],
      };
      const response = await provider.get('hail')!.run(twoNodeClusterInput(request));
      expect(response.success).toBe(true);
      expect(response.result).toEqual([
        [
          ['new1.example.com', ['node2.example.com']],
          ['new2.example.com', ['node2.example.com']],
        ],
        [],
      ]);
    });

    it('answers a node-evacuate request with [moved, failed, jobs] (hail cannot move file instances)', async () => {
      const response = await provider.get('hail')!.run(
        twoNodeClusterInput({ type: 'node-evacuate', instances: ['web1.example.com'], evac_mode: 'primary-only' }),
      );
      expect(response.success).toBe(true);
      expect(response.result).toEqual([[], [['web1.example.com', 'Instances of type file cannot be relocated']], []]);
    });

    it('says no, with success false and an empty result, when nothing fits', async () => {
      const response = await provider.get('hail')!.run(twoNodeClusterInput({ ...ALLOCATE_NEW1, memory: 30000 } as IallocatorRequest));
      expect(response.success).toBe(false);
      expect(response.result).toEqual([]);
      expect(response.info).toMatch(/^Request failed: /);
    });
  });

  describe('when a script misbehaves', () => {
    let dir: string;
    const script = (name: string, body: string): ScriptIallocator => {
      const path = join(dir, name);
      writeFileSync(path, `#!/bin/sh\n${body}\n`);
      chmodSync(path, 0o755);
      return new ScriptIallocator(name, path);
    };

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'corral-ias-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('receives the path of the input document as its first argument, then the extra options', async () => {
      const args = script('args', 'case "$1" in */input.json) echo "{\\"success\\": true, \\"info\\": \\"$2 $3\\", \\"result\\": [\\"n1\\"]}";; esac');
      expect(await args.run(twoNodeClusterInput(), { extraArgs: ['--ignore-soft-errors', '--no-capacity-checks'] })).toEqual({
        success: true,
        info: '--ignore-soft-errors --no-capacity-checks',
        result: ['n1'],
      });
    });

    it('finds the input document in that file', async () => {
      const echo = script('echo-input', 'case "$1" in */input.json) grep -q \'"version":2\' "$1" && echo \'{"success": true, "info": "got it", "result": ["n1"]}\';; esac');
      expect(await echo.run(twoNodeClusterInput())).toEqual({ success: true, info: 'got it', result: ['n1'] });
    });

    it('reports a non-zero exit with the script output', async () => {
      const error = await pluginRejection(script('exit3', 'echo "no cluster data"; exit 3').run(twoNodeClusterInput()));
      expect([error.kind, error.message]).toEqual(['iallocator', 'Instance allocator call failed: exited with code 3, output: no cluster data']);
    });

    it.each([
      ['not json', 'echo hello', "Can't parse iallocator results from 'bad': not valid JSON (Unexpected token 'h', \"hello\n\" is not valid JSON); output was: hello"],
      ['a list', "echo '[1]'", "Can't parse iallocator results from 'bad': not a dict: [1]"],
      ['no info', 'echo \'{"success": true, "result": []}\'', "Can't parse iallocator results from 'bad': required key 'info' missing"],
      [
        'too many nodes',
        'echo \'{"success": true, "info": "", "result": ["a", "b"]}\'',
        "Can't parse iallocator results from 'bad': invalid result for a 'allocate' request: returned 2 node(s) (a, b), but the request required 1",
      ],
      [
        'a string success',
        'echo \'{"success": "yes", "info": "", "result": []}\'',
        "Can't parse iallocator results from 'bad': 'success' must be a boolean, got \"yes\"",
      ],
    ])('explains an answer that is %s', async (_what, body, message) => {
      const error = await pluginRejection(script('bad', body).run(twoNodeClusterInput()));
      expect([error.kind, error.message]).toEqual(['iallocator', message]);
    });

    it('accepts the legacy nodes key in place of result', async () => {
      const legacy = script('legacy', 'echo \'{"success": true, "info": "ok", "nodes": ["n2"]}\'');
      expect(await legacy.run(twoNodeClusterInput())).toEqual({ success: true, info: 'ok', result: ['n2'] });
    });

    it('rejects evacuation jobs with other opcodes', async () => {
      const bad = script('evac', 'echo \'{"success": true, "info": "", "result": [[], [], [[{"OP_ID": "OP_INSTANCE_REMOVE"}]]]}\'');
      const error = await pluginRejection(bad.run(twoNodeClusterInput({ type: 'node-evacuate', instances: ['x'], evac_mode: 'all' })));
      expect(error.message).toBe(
        "Can't parse iallocator results from 'evac': invalid result for a 'node-evacuate' request: a job holds opcode \"OP_INSTANCE_REMOVE\"; only OP_INSTANCE_FAILOVER, OP_INSTANCE_MIGRATE, OP_INSTANCE_REPLACE_DISKS are allowed",
      );
    });
  });

  describe('when scripts are looked up', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'corral-ias-path-'));
      for (const d of ['local', 'lib']) mkdirSync(join(root, d));
      for (const [d, n] of [['local', 'mine'], ['lib', 'mine'], ['lib', 'other']]) {
        writeFileSync(join(root, d, n), '#!/bin/sh\n');
        chmodSync(join(root, d, n), 0o755);
      }
      writeFileSync(join(root, 'lib', 'not-executable'), '');
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('takes the first directory holding an executable of that name', () => {
      expect(findIallocatorScript('mine', [join(root, 'local'), join(root, 'lib')])).toBe(join(root, 'local', 'mine'));
      expect(findIallocatorScript('not-executable', [join(root, 'lib')])).toBeNull();
      expect(findIallocatorScript('../lib/other', [join(root, 'local')])).toBeNull();
    });

    it('lists each executable name once', () => {
      expect(new ScriptIallocatorProvider([join(root, 'local'), join(root, 'lib'), join(root, 'missing')]).names()).toEqual(['mine', 'other']);
    });
  });
});
