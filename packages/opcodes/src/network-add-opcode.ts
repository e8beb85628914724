import { randomUUID } from 'node:crypto';
import { AddressPool, checkTag, GanetiError, type Network } from '@corral/model';
import { checkIpv6, checkMacPrefix } from './network-address-checks';
import type { OpContext } from './op-context';
import type { OpcodeDefinition, OpInput } from './opcode-definition';
import { ht } from './param-spec';

const maybeString = ht.maybe(ht.string);

/** An IPv4 network in CIDR form without host bits, as Ganeti's opcode validation demands (else a 400). */
function isIpv4Cidr(value: unknown): boolean {
  const match = typeof value === 'string' ? /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value) : null;
  if (!match) return false;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return false;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  return address % 2 ** (32 - prefix) === 0;
}

/**
 * The pool of a new network: network, broadcast and gateway external, plus
 * the operator's reservations. Sizes Ganeti cannot pool (more than a /16,
 * less than a /30) and a gateway outside the network fail as Ganeti's exec does.
 */
function newPool(op: OpInput): AddressPool {
  const cidr = op.network as string;
  const size = 2 ** (32 - Number(cidr.split('/')[1]));
  const fail = (why: string): GanetiError => new GanetiError('OpExecError', `Cannot create IP address pool for network '${String(op.network_name)}': ${why}`);
  if (size > 65536) throw fail(`A big network with ${size} host(s) is currently not supported. please specify at most a /16 network`);
  if (size < 4) throw fail(`A network with only ${size} host(s) is too small, please specify at least a /30 network`);
  const gateway = (op.gateway as string | null | undefined) ?? null;
  if (gateway !== null && !new AddressPool({ network: cidr, gateway: null, reservations: '', ext_reservations: '' }).contains(gateway)) {
    throw fail(`${cidr} does not contain ${gateway}`);
  }
  const pool = new AddressPool({ network: cidr, gateway: null, ...AddressPool.initialBitmaps(cidr, gateway) });
  for (const ip of (op.add_reserved_ips as string[] | null | undefined) ?? []) {
    if (!pool.isReserved(ip)) pool.reserve(ip, true);
  }
  return pool;
}

/** Ganeti's conflicts check: the nodes' own addresses inside the network are reserved externally. */
function reserveNodeAddresses(pool: AddressPool, ctx: OpContext): void {
  for (const node of ctx.snapshot.list('node')) {
    for (const ip of new Set([node.primary_ip, node.secondary_ip])) {
      if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip) || !pool.contains(ip) || pool.isReserved(ip)) continue;
      pool.reserve(ip, true);
      ctx.feedback(` - INFO: Reserved IP address of node '${node.name}' (${ip})`);
    }
  }
}

/** OP_NETWORK_ADD: defines an IPv4 network (optionally with IPv6 data) and its address pool. */
export const networkAddOpcode: OpcodeDefinition = {
  id: 'OP_NETWORK_ADD',
  touchesNodes: false,
  summaryField: 'network_name',
  params: [
    { name: 'network_name', check: ht.nonEmptyString },
    { name: 'network', check: isIpv4Cidr },
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
    const existing = ctx.snapshot.findByName('network', op.network_name as string);
    if (existing) {
      throw GanetiError.prereq(`Desired network name '${existing.name}' already exists as a network (UUID: ${existing.uuid})`, 'already_exists');
    }
    if (op.mac_prefix) checkMacPrefix(op.mac_prefix as string);
    if (op.network6) checkIpv6(op.network6 as string, true);
    if (op.gateway6) checkIpv6(op.gateway6 as string, false);
    ((op.tags as unknown[] | null) ?? []).forEach((t) => checkTag(t));
  },
  async exec(op, ctx) {
    const pool = newPool(op);
    if (op.conflicts_check) reserveNodeAddresses(pool, ctx);
    const now = Date.now() / 1000;
    const network: Network = {
      uuid: randomUUID(),
      name: op.network_name as string,
      network: op.network as string,
      gateway: (op.gateway as string | null | undefined) ?? null,
      network6: (op.network6 as string | null | undefined) ?? null,
      gateway6: (op.gateway6 as string | null | undefined) ?? null,
      mac_prefix: (op.mac_prefix as string | null | undefined) ?? null,
      ...pool.bitmaps(),
      tags: [...new Set((op.tags as string[] | null) ?? [])],
      serial_no: 0,
      ctime: now,
      mtime: now,
    };
    return { result: null, changes: { put: [{ kind: 'network', object: network }] } };
  },
};
