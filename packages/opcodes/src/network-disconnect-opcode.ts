import { findGroup, findNetwork } from './network-lookup';
import { checkNetworkConflicts } from './network-conflicts';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/**
 * OP_NETWORK_DISCONNECT: removes a network from a node group; refused while
 * NICs of the group's instances use it. Not connected is a warning and no change.
 */
export const networkDisconnectOpcode: OpcodeDefinition = {
  id: 'OP_NETWORK_DISCONNECT',
  touchesNodes: false,
  summaryField: 'network_name',
  params: [
    { name: 'group_name', check: ht.nonEmptyString },
    { name: 'network_name', check: ht.nonEmptyString },
  ],
  locks: (op) => [
    { level: 'nodegroup', name: op.group_name as string, mode: 'exclusive' },
    { level: 'network', name: op.network_name as string, mode: 'shared' },
  ],
  checkPrereq(op, ctx) {
    const network = findNetwork(ctx.snapshot, op.network_name as string);
    const group = findGroup(ctx.snapshot, op.group_name as string);
    if (!(network.uuid in (group.networks ?? {}))) {
      ctx.feedback(` - WARNING: Network '${network.name}' is not mapped to group '${group.name}'`);
      return;
    }
    checkNetworkConflicts(ctx, ctx.snapshot, group, (nic) => nic.network === network.uuid, 'disconnect from');
  },
  async exec(op, ctx) {
    const network = findNetwork(ctx.snapshot, op.network_name as string);
    const group = findGroup(ctx.snapshot, op.group_name as string);
    if (!(network.uuid in (group.networks ?? {}))) return { result: null };
    const networks = { ...group.networks };
    delete networks[network.uuid];
    return { result: null, changes: { put: [{ kind: 'nodegroup', object: { ...group, networks } }] } };
  },
};
