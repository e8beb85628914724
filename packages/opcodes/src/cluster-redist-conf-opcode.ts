import { GanetiError } from '@corral/model';
import type { OpcodeDefinition } from './opcode-definition';

/**
 * OP_CLUSTER_REDIST_CONF: pushes the configuration to every node. The
 * embedded store has one copy, so this rewrites the cluster object (its
 * serial number moves, as in Ganeti) and reports what it did.
 */
export const clusterRedistConfOpcode: OpcodeDefinition = {
  id: 'OP_CLUSTER_REDIST_CONF',
  touchesNodes: true,
  params: [],
  locks: () => [{ level: 'cluster', name: 'cluster', mode: 'shared' }],
  checkPrereq(_op, ctx) {
    if (!ctx.snapshot.list('cluster')[0]) throw GanetiError.prereq('The cluster is not initialised', 'wrong_state');
  },
  async exec(_op, ctx) {
    const cluster = ctx.snapshot.list('cluster')[0]!;
    ctx.feedback(`Configuration redistributed to ${ctx.snapshot.count('node')} node(s)`);
    return { result: null, changes: { put: [{ kind: 'cluster', object: cluster }] } };
  },
};
