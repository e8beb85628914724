import { randomUUID } from 'node:crypto';
import { AddressPool, checkTag, GanetiError, parseIpv4Network, type Network } from '@corral/model';
import { checkIpv6, checkMacPrefix } from './network-lookup';
import type { OpcodeDefinition, OpInput } from './opcode-definition';
import { ht } from './param-spec';

const maybeString = ht.maybe(ht.string);

/** The pool of a new network: network, broadcast and gateway external, plus the operator's reservations. */
function newPool(op: OpInput): AddressPool {
  const { prefix } = parseIpv4Network(op.network as string);
  if (prefix < 16) throw GanetiError.prereq(`Network '${String(op.network)}' is too big (at most a /16 is supported)`, 'wrong_input');
  const pool = new AddressPool({ network: op.network as string, gateway: null, ...AddressPool.initialBitmaps(op.network as string, (op.gateway as string | null) ?? null) });
  for (const ip of (op.add_reserved_ips as string[] | null | undefined) ?? []) {
    if (!pool.isReserved(ip)) pool.reserve(ip, true);
  }
  return pool;
}

/** OP_NETWORK_ADD: defines an IPv4 network (optionally with IPv6 data) and its address pool. */
export const networkAddOpcode: OpcodeDefinition = {
  id: 'OP_NETWORK_ADD',
  touchesNodes: false,
  summaryField: 'network_name',
  params: [
    { name: 'network_name', check: ht.nonEmptyString },
    { name: 'network', check: ht.string },
    { name: 'gateway', check: maybeString, default: undefined },
    { name: 'network6', check: maybeString, default: undefined },
    { name: 'gateway6', check: maybeString, default: undefined },
    { name: 'mac_prefix', check: maybeString, default: undefined },
    { name: 'add_reserved_ips', check: ht.maybe(ht.listOf(ht.string)), default: undefined },
    { name: 'conflicts_check', check: ht.bool, default: true },
    // null (Ganeti's Python client sends it) means the default, as in Ganeti's opcode validation.
    { name: 'tags', check: ht.maybe(ht.listOf(ht.string)), default: () => [] },
  ],
  locks: (op) => [{ level: 'network', name: op.network_name as string, mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    if (ctx.snapshot.findByName('network', op.network_name as string)) {
      throw GanetiError.prereq(`Network '${String(op.network_name)}' already defined`, 'already_exists');
    }
    newPool(op);
    if (op.mac_prefix) checkMacPrefix(op.mac_prefix as string);
    if (op.network6) checkIpv6(op.network6 as string, true);
    if (op.gateway6) checkIpv6(op.gateway6 as string, false);
    ((op.tags as unknown[] | null) ?? []).forEach((t) => checkTag(t));
  },
  async exec(op) {
    const now = Date.now() / 1000;
    const network: Network = {
      uuid: randomUUID(),
      name: op.network_name as string,
      network: op.network as string,
      gateway: (op.gateway as string | null | undefined) ?? null,
      network6: (op.network6 as string | null | undefined) ?? null,
      gateway6: (op.gateway6 as string | null | undefined) ?? null,
      mac_prefix: (op.mac_prefix as string | null | undefined) ?? null,
      ...newPool(op).bitmaps(),
      tags: [...new Set((op.tags as string[] | null) ?? [])],
      serial_no: 0,
      ctime: now,
      mtime: now,
    };
    return { result: null, changes: { put: [{ kind: 'network', object: network }] } };
  },
};
