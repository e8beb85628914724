import type { InstanceRuntimeInfo } from '@corral/contracts';
import { fixtureInstance, fixtureNode, fixtureSnapshot, SILENT_NODE, type NodeObservation } from '@corral/opcodes';
import { instanceBulkRows } from './instance-bulk-rows';

const running = (name: string, memory = 256): [string, InstanceRuntimeInfo] => [name, { name, id: 0, memory, vcpus: 1, state: 'running', times: 0 }];
const answered = (...infos: [string, InstanceRuntimeInfo][]): NodeObservation => ({ ...SILENT_NODE, answered: true, instances: new Map(infos) });

describe('instanceBulkRows', () => {
  const snapshot = fixtureSnapshot(
    [fixtureNode('node1'), fixtureNode('node2'), fixtureNode('node3', { offline: true })],
    [
      fixtureInstance('a-running', 'node1'),
      fixtureInstance('b-down', 'node1', { admin_state: 'down' }),
      fixtureInstance('c-crashed', 'node1'),
      fixtureInstance('d-silent-node', 'node2'),
      fixtureInstance('e-offline-node', 'node3'),
      fixtureInstance('f-wrong-node', 'node1', { admin_state: 'down', admin_state_source: 'user' }),
    ],
  );
  const observations = new Map<string, NodeObservation>([
    ['uuid-node1', answered(running('a-running', 200))],
    ['uuid-node2', { ...SILENT_NODE, instances: new Map([running('f-wrong-node')]) }],
    ['uuid-node3', SILENT_NODE],
  ]);

  describe('when nodes answer, stay silent or are offline', () => {
    it('derives live fields and status per instance, never failing the listing', () => {
      const rows = instanceBulkRows(snapshot, observations);
      expect(rows.map((r) => [r.name, r.oper_state, r.oper_ram, r.oper_vcpus, r.status])).toEqual([
        ['a-running', true, 200, 1, 'running'],
        ['b-down', false, null, null, 'ADMIN_down'],
        ['c-crashed', false, null, null, 'ERROR_down'],
        ['d-silent-node', null, null, null, 'ERROR_nodedown'],
        ['e-offline-node', null, null, null, 'ERROR_nodeoffline'],
        ['f-wrong-node', false, null, null, 'ERROR_wrongnode'],
      ]);
    });

    it('fills beparams with the cluster defaults and the compatibility key memory', () => {
      const [row] = instanceBulkRows(snapshot, observations);
      expect(row!.beparams).toEqual({ minmem: 256, maxmem: 256, vcpus: 1, auto_balance: true, always_failover: false, spindle_use: 1, memory: 256 });
      expect([row!['nic.modes'], row!['nic.links'], row!['nic.bridges'], row!.custom_nicparams]).toEqual([['bridged'], ['xen-br0'], ['xen-br0'], [{}]]);
    });
  });
});
