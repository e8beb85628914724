import { AddressPool, GanetiError, type Network, type NodeGroup, type Nic } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import type { OpContext } from './op-context';

/**
 * Ganeti's `_NetworkConflictCheck`: the NICs of the group's instances that
 * `conflicts` selects are listed as warnings and refuse the change.
 */
export function checkNetworkConflicts(
  ctx: OpContext,
  snapshot: ConfigSnapshot,
  group: NodeGroup,
  conflicts: (nic: Nic) => boolean,
  action: string,
): void {
  const nodes = new Set(snapshot.list('node').filter((n) => n.group === group.uuid).map((n) => n.uuid));
  const found: string[] = [];
  for (const instance of snapshot.list('instance')) {
    if (!nodes.has(instance.primary_node)) continue;
    instance.nics.forEach((nic, index) => {
      if (conflicts(nic)) found.push(`${instance.name}: nic${index}/${nic.ip ?? ''}`);
    });
  }
  if (found.length === 0) return;
  ctx.feedback(` - WARNING: Conflicting IP addresses found (instances in group '${group.name}' would ${action} the network)`);
  for (const line of found) ctx.feedback(` - WARNING:  ${line}`);
  throw GanetiError.prereq('Conflicting IP addresses found;  Remove/modify the corresponding network interfaces', 'wrong_state');
}

/** Whether a NIC's address lies in the network (and the NIC is not on it already). */
export function ipInNetwork(network: Network): (nic: Nic) => boolean {
  const pool = new AddressPool(network);
  return (nic) => nic.network === null && nic.ip !== null && /^\d+\.\d+\.\d+\.\d+$/.test(nic.ip) && pool.contains(nic.ip);
}
