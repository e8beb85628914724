import { GanetiError, type Network, type NodeGroup } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';

/** The named network; an unknown one is Ganeti's `unknown_entity` error. */
export function findNetwork(snapshot: ConfigSnapshot, name: string): Network {
  const network = snapshot.findByName('network', name);
  if (!network) throw GanetiError.prereq(`Network '${name}' not found`, 'unknown_entity');
  return network;
}

/** The named node group; an unknown one is Ganeti's `unknown_entity` error. */
export function findGroup(snapshot: ConfigSnapshot, name: string): NodeGroup {
  const group = snapshot.findByName('nodegroup', name);
  if (!group) throw GanetiError.prereq(`Node group '${name}' not found`, 'unknown_entity');
  return group;
}

/** Ganeti's MAC prefix syntax: three hex octets. */
export function checkMacPrefix(prefix: string): void {
  if (!/^[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$/i.test(prefix)) throw GanetiError.prereq(`Invalid MAC address prefix '${prefix}'`, 'wrong_input');
}

/** A loose IPv6 network/address check (`2001:db8::/64`, `2001:db8::1`). */
export function checkIpv6(value: string, network: boolean): void {
  const re = network ? /^[0-9a-f:]+\/\d{1,3}$/i : /^[0-9a-f:]+$/i;
  if (!re.test(value) || !value.includes(':')) throw GanetiError.prereq(`Invalid IPv6 ${network ? 'network' : 'address'} '${value}'`, 'wrong_input');
}
