import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PluginRegistry, type IallocatorInput } from '@corral/contracts';
import { startTestServer, type TestServer } from './testing/start-test-server';

/** The protocol-v2 document of docs/examples: two nodes, node1 carrying two instances, an allocate request. */
const INPUT = JSON.parse(readFileSync(resolve(__dirname, '../../../docs/examples/iallocator-input-allocate.json'), 'utf8')) as IallocatorInput;

describe('allocators of the assembled server', () => {
  let server: TestServer;
  let registry: PluginRegistry;

  beforeAll(async () => {
    server = await startTestServer();
    registry = server.container.get(PluginRegistry);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('offers the builtin allocator and the scripts on Ganeti search path, hail included', () => {
    expect(registry.iallocatorNames()).toEqual(expect.arrayContaining(['builtin', 'hail']));
  });

  describe('when an instance is placed', () => {
    it('is placed by hail through iallocator-script on the emptier node', async () => {
      const answer = await registry.iallocator('hail').run(INPUT);
      expect([answer.success, answer.result]).toEqual([true, ['node2.example.com']]);
    });

    it('is placed by the builtin allocator on the same node', async () => {
      expect(await registry.iallocator('builtin').run(INPUT)).toEqual({
        success: true,
        info: 'Request successful: allocated new1.example.com on node2.example.com',
        result: ['node2.example.com'],
      });
    });
  });

  it('reports an allocator that does not exist', () => {
    expect(() => registry.iallocator('nonexistent')).toThrow("Can't find allocator 'nonexistent'");
  });
});
