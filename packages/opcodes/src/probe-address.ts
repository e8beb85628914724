import { connect } from 'node:net';

/** Ganeti's node daemon port, which `ip_check` probes (netutils.TcpPing). */
export const NODED_PORT = 1811;

/**
 * Ganeti's TcpPing: true when something answers at `ip` (the connection is
 * accepted or actively refused), false when nothing does within `timeoutMs`.
 */
export function probeAddress(ip: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: ip, port: NODED_PORT });
    const done = (alive: boolean): void => {
      socket.destroy();
      resolve(alive);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
  });
}
