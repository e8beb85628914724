import { lookup } from 'node:dns/promises';
import { connect } from 'node:net';
import { GanetiError } from '@corral/model';

/** Ganeti's noded port, which its ip_check pings. */
const NODED_PORT = 1811;

/** Ganeti's TcpPing: true when something answers at ip:port (a refusal counts: the host is up). */
function tcpPing(ip: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: ip, port });
    const done = (up: boolean): void => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
  });
}

/**
 * Ganeti's name and IP checks for a new instance name: with `name_check`
 * the name must resolve; with `ip_check` nothing may answer at its address.
 */
export async function checkNewInstanceName(name: string, nameCheck: boolean, ipCheck: boolean): Promise<void> {
  if (!nameCheck) return;
  let ip: string;
  try {
    ip = (await lookup(name, { family: 4 })).address;
  } catch (error) {
    throw GanetiError.prereq(`Can't resolve hostname '${name}': ${error instanceof Error ? error.message : String(error)}`, 'resolver_error');
  }
  if (ipCheck && (await tcpPing(ip, NODED_PORT, 2000))) throw GanetiError.prereq(`IP ${ip} of instance ${name} already in use`, 'resource_not_unique');
}
