import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

/** A bare Node HTTPS server and its URL. */
export interface BareServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * The machine's limit for comparison: Node's `https` module alone, answering
 * each known path with fixed bytes (the same bytes our server answers) and
 * the same JSON headers, on 127.0.0.1 and a free port.
 */
export async function startBareServer(tls: { key: string | Buffer; cert: string | Buffer }, bodies: ReadonlyMap<string, Buffer>): Promise<BareServer> {
  const server = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const body = bodies.get(req.url ?? '');
    if (!body) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{}\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
