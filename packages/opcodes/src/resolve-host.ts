import { lookup } from 'node:dns/promises';

/** The IPv4 address of a host name from the system resolver (DNS, /etc/hosts). */
export async function resolveHost(name: string): Promise<string> {
  const { address } = await lookup(name, { family: 4 });
  return address;
}
