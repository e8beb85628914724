import { GanetiError } from '@corral/model';
import { findNetwork } from './network-lookup';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/**
 * OP_NETWORK_REMOVE: deletes a network. Refused (Ganeti's texts) while a
 * node group is connected to it or an instance NIC uses it; `force` does
 * not override this, as in Ganeti 3.0.
 */
export const networkRemoveOpcode: OpcodeDefinition = {
  id: 'OP_NETWORK_REMOVE',
  touchesNodes: false,
  summaryField: 'network_name',
  params: [
    { name: 'network_name', check: ht.nonEmptyString },
    { name: 'force', check: ht.bool, default: false },
  ],
  locks: (op) => [{ level: 'network', name: op.network_name as string, mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    const network = findNetwork(ctx.snapshot, op.network_name as string);
    const groups = ctx.snapshot.list('nodegroup').filter((g) => network.uuid in (g.networks ?? {}));
    if (groups.length > 0) {
      ctx.feedback(` - WARNING: Network '${network.name}' is connected to the following node groups: ${groups.map((g) => g.name).join(', ')}`);
      throw GanetiError.prereq('Network still connected', 'wrong_state');
    }
    const users = ctx.snapshot.list('instance').filter((i) => i.nics.some((n) => n.network === network.uuid));
    if (users.length > 0) {
      ctx.feedback(` - WARNING: Network '${network.name}' is used by the following instances: ${users.map((i) => i.name).join(', ')}`);
      throw GanetiError.prereq('Network still in use by instances', 'wrong_state');
    }
  },
  async exec(op, ctx) {
    const network = findNetwork(ctx.snapshot, op.network_name as string);
    return { result: null, changes: { remove: [{ kind: 'network', uuid: network.uuid }] } };
  },
};
