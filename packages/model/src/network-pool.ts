import { GanetiError } from './ganeti-error';
import type { Network } from './network';

/** The part of a network the pool needs. */
type PoolNetwork = Pick<Network, 'network' | 'gateway' | 'reservations' | 'ext_reservations'>;

function ipToInt(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
    throw GanetiError.prereq(`Invalid IPv4 address '${ip}'`, 'wrong_input');
  }
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** Parses `a.b.c.d/len` into its first address and size; throws wrong_input. */
export function parseIpv4Network(cidr: string): { base: number; size: number; prefix: number } {
  const match = /^([\d.]+)\/(\d{1,2})$/.exec(cidr);
  const prefix = match ? Number(match[2]) : NaN;
  if (!match || prefix > 32 || prefix < 0) throw GanetiError.prereq(`Invalid network '${cidr}'`, 'wrong_input');
  const size = 2 ** (32 - prefix);
  const base = ipToInt(match[1]);
  if (base % size !== 0) throw GanetiError.prereq(`Invalid network '${cidr}': host bits are set`, 'wrong_input');
  if (prefix > 30) throw GanetiError.prereq(`Network '${cidr}' is too small (at least a /30 is needed)`, 'wrong_input');
  return { base, size, prefix };
}

/**
 * Ganeti's address pool over a network's two reservation bitmaps (strings of
 * `0`/`1`, one character per address): `reservations` for addresses held by
 * instances, `ext_reservations` for those kept out of the pool (network,
 * broadcast, gateway, and any the operator reserves). Pure: every change
 * returns the new bitmaps for the caller to store.
 */
export class AddressPool {
  private readonly base: number;
  readonly size: number;
  private readonly reserved: string[];
  private readonly external: string[];

  constructor(network: PoolNetwork) {
    const { base, size } = parseIpv4Network(network.network);
    this.base = base;
    this.size = size;
    this.reserved = (network.reservations || '0'.repeat(size)).split('');
    this.external = (network.ext_reservations || '0'.repeat(size)).split('');
  }

  /** The bitmaps of a new network: network and broadcast addresses, and the gateway, are external. */
  static initialBitmaps(cidr: string, gateway: string | null): { reservations: string; ext_reservations: string } {
    const { base, size } = parseIpv4Network(cidr);
    const ext = '0'.repeat(size).split('');
    ext[0] = '1';
    ext[size - 1] = '1';
    if (gateway) {
      const index = ipToInt(gateway) - base;
      if (index < 0 || index >= size) throw GanetiError.prereq(`Gateway '${gateway}' is not in network '${cidr}'`, 'wrong_input');
      ext[index] = '1';
    }
    return { reservations: '0'.repeat(size), ext_reservations: ext.join('') };
  }

  contains(ip: string): boolean {
    const index = ipToInt(ip) - this.base;
    return index >= 0 && index < this.size;
  }

  private index(ip: string): number {
    if (!this.contains(ip)) throw GanetiError.prereq(`IP address '${ip}' does not belong to the network`, 'wrong_input');
    return ipToInt(ip) - this.base;
  }

  isReserved(ip: string): boolean {
    const i = this.index(ip);
    return this.reserved[i] === '1' || this.external[i] === '1';
  }

  /** Reserves an address for an instance (or externally); already reserved is resource_not_unique. */
  reserve(ip: string, external = false): void {
    const i = this.index(ip);
    if (this.reserved[i] === '1' || this.external[i] === '1') {
      throw GanetiError.prereq(`IP address '${ip}' already in use or reserved`, 'resource_not_unique');
    }
    (external ? this.external : this.reserved)[i] = '1';
  }

  release(ip: string, external = false): void {
    (external ? this.external : this.reserved)[this.index(ip)] = '0';
  }

  /** The first free address; none left is insufficient_resources. */
  generateFree(): string {
    for (let i = 0; i < this.size; i++) {
      if (this.reserved[i] === '0' && this.external[i] === '0') return intToIp(this.base + i);
    }
    throw GanetiError.prereq('No free IP address left in the network', 'insufficient_resources');
  }

  get freeCount(): number {
    let n = 0;
    for (let i = 0; i < this.size; i++) if (this.reserved[i] === '0' && this.external[i] === '0') n++;
    return n;
  }

  get reservedCount(): number {
    return this.size - this.freeCount;
  }

  /** Ganeti's map string: `X` reserved (either bitmap), `.` free. */
  get map(): string {
    return this.reserved.map((r, i) => (r === '1' || this.external[i] === '1' ? 'X' : '.')).join('');
  }

  /** Addresses held in the external bitmap (Ganeti's `external_reservations`, comma separated). */
  externalAddresses(): string[] {
    return this.external.flatMap((e, i) => (e === '1' ? [intToIp(this.base + i)] : []));
  }

  bitmaps(): { reservations: string; ext_reservations: string } {
    return { reservations: this.reserved.join(''), ext_reservations: this.external.join('') };
  }
}
