import { AddressPool, GanetiError, type Network } from '@corral/model';
import { checkIpv6, checkMacPrefix } from './network-address-checks';
import { findNetwork } from './network-lookup';
import type { OpContext } from './op-context';
import type { OpcodeDefinition, OpInput } from './opcode-definition';
import { ht } from './param-spec';

const maybeString = ht.maybe(ht.string);

/** The modified network, Ganeti's LUNetworkSetParams rules: `"none"` clears a value, warnings for no-op reservations. */
function modified(op: OpInput, ctx: OpContext, network: Network): Network {
  const pool = new AddressPool(network);
  let { gateway, mac_prefix, network6, gateway6 } = network;
  if (op.gateway !== undefined && op.gateway !== null) {
    const next = op.gateway === 'none' ? null : (op.gateway as string);
    if (next !== null && !pool.contains(next)) throw new GanetiError('AddressPoolError', `${network.network} does not contain ${next}`);
    if (next !== null && pool.isReserved(next)) throw GanetiError.prereq(`Gateway IP address '${next}' is already reserved.`, 'wrong_state');
    if (gateway) pool.release(gateway, true);
    if (next !== null) pool.reserve(next, true);
    gateway = next;
  }
  if (op.mac_prefix !== undefined && op.mac_prefix !== null) {
    mac_prefix = op.mac_prefix === 'none' ? null : (op.mac_prefix as string);
    if (mac_prefix !== null) checkMacPrefix(mac_prefix);
  }
  if (op.network6 !== undefined && op.network6 !== null) {
    network6 = op.network6 === 'none' ? null : (op.network6 as string);
    if (network6 !== null) checkIpv6(network6, true);
  }
  if (op.gateway6 !== undefined && op.gateway6 !== null) {
    gateway6 = op.gateway6 === 'none' ? null : (op.gateway6 as string);
    if (gateway6 !== null) checkIpv6(gateway6, false);
  }
  for (const ip of (op.add_reserved_ips as string[] | null | undefined) ?? []) {
    if (pool.isReserved(ip)) ctx.feedback(` - WARNING: IP address ${ip} is already reserved`);
    else pool.reserve(ip, true);
  }
  const external = new Set(pool.externalAddresses());
  for (const ip of (op.remove_reserved_ips as string[] | null | undefined) ?? []) {
    if (ip === gateway) ctx.feedback(` - WARNING: Cannot unreserve Gateway's IP`);
    else if (!pool.contains(ip) || !external.has(ip)) ctx.feedback(` - WARNING: IP address ${ip} is already unreserved`);
    else pool.release(ip, true);
  }
  return { ...network, gateway, mac_prefix, network6, gateway6, ...pool.bitmaps() };
}

/** OP_NETWORK_SET_PARAMS: changes a network's gateway, IPv6 data, MAC prefix and external reservations. */
export const networkSetParamsOpcode: OpcodeDefinition = {
  id: 'OP_NETWORK_SET_PARAMS',
  touchesNodes: false,
  summaryField: 'network_name',
  params: [
    { name: 'network_name', check: ht.nonEmptyString },
    { name: 'gateway', check: maybeString, default: undefined },
    { name: 'network6', check: maybeString, default: undefined },
    { name: 'gateway6', check: maybeString, default: undefined },
    { name: 'mac_prefix', check: maybeString, default: undefined },
    { name: 'add_reserved_ips', check: ht.maybe(ht.listOf(ht.string)), default: undefined },
    { name: 'remove_reserved_ips', check: ht.maybe(ht.listOf(ht.string)), default: undefined },
  ],
  locks: (op) => [{ level: 'network', name: op.network_name as string, mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    modified(op, { ...ctx, feedback: () => undefined }, findNetwork(ctx.snapshot, op.network_name as string));
  },
  async exec(op, ctx) {
    const next = modified(op, ctx, findNetwork(ctx.snapshot, op.network_name as string));
    return { result: null, changes: { put: [{ kind: 'network', object: next }] } };
  },
};
