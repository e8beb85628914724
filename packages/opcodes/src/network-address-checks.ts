import { GanetiError } from '@corral/model';

/** Ganeti's MAC prefix syntax: three hex octets. */
export function checkMacPrefix(prefix: string): void {
  if (!/^[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$/i.test(prefix)) throw GanetiError.prereq(`Invalid MAC address prefix '${prefix}'`, 'wrong_input');
}

/** A loose IPv6 network/address check (`2001:db8::/64`, `2001:db8::1`). */
export function checkIpv6(value: string, network: boolean): void {
  const re = network ? /^[0-9a-f:]+\/\d{1,3}$/i : /^[0-9a-f:]+$/i;
  if (!re.test(value) || !value.includes(':')) throw GanetiError.prereq(`Invalid IPv6 ${network ? 'network' : 'address'} '${value}'`, 'wrong_input');
}
