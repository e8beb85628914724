import type { InstanceRuntimeInfo } from '@corral/contracts';
import { encodeJsonBytes } from '@corral/json-codec';
import { fixtureInstance, fixtureNode, fixtureSnapshot, SILENT_NODE, type NodeObservation } from '@corral/opcodes';
import type { ConfigSnapshot } from '@corral/store';
import { InstanceBulkCache } from './instance-bulk-cache';
import { instanceBulkRows } from './instance-bulk-rows';

const running = (name: string, memory = 256): [string, InstanceRuntimeInfo] => [name, { name, id: 0, memory, vcpus: 1, state: 'running', times: 0 }];
const answered = (...infos: [string, InstanceRuntimeInfo][]): NodeObservation => ({ ...SILENT_NODE, answered: true, instances: new Map(infos) });
type Observations = Map<string, NodeObservation>;

/** The listing the cache serves must always equal encoding the projection afresh. */
function expectFresh(cache: InstanceBulkCache, snapshot: ConfigSnapshot, observations: Observations): void {
  const fresh = encodeJsonBytes(instanceBulkRows(snapshot, observations)).toString('latin1');
  expect(cache.listing(snapshot, observations).bytes.toString('latin1')).toBe(fresh);
}

describe('InstanceBulkCache', () => {
  const base = fixtureSnapshot(
    [fixtureNode('node1'), fixtureNode('node2')],
    [fixtureInstance('a', 'node1'), fixtureInstance('b', 'node1', { admin_state: 'down' }), fixtureInstance('c', 'node2')],
  );
  const observed: Observations = new Map([
    ['uuid-node1', answered(running('a'))],
    ['uuid-node2', answered(running('c'))],
  ]);

  describe('when nothing changed between listings', () => {
    it('serves the same bytes as encoding the projection, cold and warm', () => {
      const cache = new InstanceBulkCache();
      expectFresh(cache, base, observed);
      expectFresh(cache, base, observed);
    });
  });

  describe('when something a row shows changed', () => {
    it('follows live state: an instance stopping, its memory changing, its node going silent', () => {
      const cache = new InstanceBulkCache();
      expectFresh(cache, base, observed);
      expectFresh(cache, base, new Map([['uuid-node1', answered()], ['uuid-node2', answered(running('c'))]]));
      expectFresh(cache, base, new Map([['uuid-node1', answered(running('a', 512))], ['uuid-node2', answered(running('c'))]]));
      expectFresh(cache, base, new Map([['uuid-node1', answered(running('a'))], ['uuid-node2', SILENT_NODE]]));
    });

    it('follows configuration: an instance changed or added, a node renamed, the cluster defaults changed', () => {
      const cache = new InstanceBulkCache();
      expectFresh(cache, base, observed);
      const a = base.findByName('instance', 'a')!;
      const changedInstance = base.withChanges([{ kind: 'instance', object: { ...a, tags: ['web'], serial_no: 3 } }], []);
      expectFresh(cache, changedInstance, observed);
      const added = changedInstance.withChanges([{ kind: 'instance', object: fixtureInstance('d', 'node2') }], []);
      expectFresh(cache, added, observed);
      const node2 = added.findByName('node', 'node2')!;
      const renamed = added.withChanges([{ kind: 'node', object: { ...node2, name: 'node2.example.com' } }], []);
      expectFresh(cache, renamed, observed);
      const cluster = renamed.list('cluster')[0]!;
      const defaults = renamed.withChanges([{ kind: 'cluster', object: { ...cluster, beparams: { default: { ...cluster.beparams.default, vcpus: 4 } } } }], []);
      expectFresh(cache, defaults, observed);
      const removed = defaults.withChanges([], [{ kind: 'instance', uuid: 'uuid-b' }]);
      expectFresh(cache, removed, observed);
    });
  });
});
