import { findGroup, findNetwork } from './network-lookup';
import { checkNetworkConflicts, ipInNetwork } from './network-conflicts';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/**
 * OP_NETWORK_CONNECT: connects a network to a node group with a NIC mode,
 * link and VLAN. Already connected is a warning and no change (Ganeti).
 */
export const networkConnectOpcode: OpcodeDefinition = {
  id: 'OP_NETWORK_CONNECT',
  touchesNodes: false,
  summaryField: 'network_name',
  params: [
    { name: 'group_name', check: ht.nonEmptyString },
    { name: 'network_name', check: ht.nonEmptyString },
    // Ganeti 3.0 also accepts `pool` here (verified on a live 3.0.2).
    { name: 'network_mode', check: ht.oneOf('bridged', 'routed', 'openvswitch', 'pool') },
    { name: 'network_link', check: ht.string },
    { name: 'network_vlan', check: ht.string, default: '' },
    { name: 'conflicts_check', check: ht.bool, default: true },
  ],
  locks: (op) => [
    { level: 'nodegroup', name: op.group_name as string, mode: 'exclusive' },
    { level: 'network', name: op.network_name as string, mode: 'shared' },
  ],
  checkPrereq(op, ctx) {
    const network = findNetwork(ctx.snapshot, op.network_name as string);
    const group = findGroup(ctx.snapshot, op.group_name as string);
    if (network.uuid in (group.networks ?? {})) {
      ctx.feedback(` - WARNING: Network '${network.name}' is already mapped to group '${group.name}'`);
      return;
    }
    if (op.conflicts_check) checkNetworkConflicts(ctx, ctx.snapshot, group, ipInNetwork(network), 'connect to');
  },
  async exec(op, ctx) {
    const network = findNetwork(ctx.snapshot, op.network_name as string);
    const group = findGroup(ctx.snapshot, op.group_name as string);
    if (network.uuid in (group.networks ?? {})) return { result: null };
    const networks = { ...(group.networks ?? {}), [network.uuid]: { mode: op.network_mode as string, link: op.network_link as string, vlan: op.network_vlan as string } };
    return { result: null, changes: { put: [{ kind: 'nodegroup', object: { ...group, networks } }] } };
  },
};
