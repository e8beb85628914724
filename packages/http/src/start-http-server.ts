import { createServer as createHttpServer, type Server, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { answerClientError } from './answer-client-error';

/** Where and how to listen. */
export interface ListenOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** PEM key and certificate; absent means plain HTTP. */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /** Idle keep-alive connections are closed after this many ms. */
  readonly keepAliveTimeoutMs?: number;
  /** A client must send its whole request (headers and body) within this many ms. */
  readonly requestTimeoutMs?: number;
  /** The header block must arrive within this many ms (slow-loris guard). */
  readonly headersTimeoutMs?: number;
  /** How often the two timeouts above are checked. Default 1000 ms. */
  readonly timeoutCheckIntervalMs?: number;
  /** Value of the `Server` header on errors answered before the app sees the request. */
  readonly serverHeader?: string;
}

/** A listening server and the address it actually got. */
export interface RunningHttpServer {
  readonly server: Server;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Ganeti's TLS cipher policy, without SSLv2/3. */
const CIPHERS = 'HIGH:!DES:!3DES:!EXPORT:!DH:!aNULL:!MD5';

/**
 * Listens with the given request listener over HTTPS (when `tls` is given) or
 * plain HTTP, with keep-alive. The request line and header block together
 * may take 16 KiB, above Ganeti's 8 KiB request line plus 4 KiB headers;
 * larger ones get a 431. Slow clients are cut off by the timeouts (408).
 * Requests Node's parser refuses get a complete JSON error response. The
 * `Host` check is left to the app, so it can answer with a JSON body.
 */
export async function startHttpServer(listener: RequestListener, options: ListenOptions): Promise<RunningHttpServer> {
  const common = {
    maxHeaderSize: 16 * 1024,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    headersTimeout: options.headersTimeoutMs ?? 10_000,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000,
    connectionsCheckingInterval: options.timeoutCheckIntervalMs ?? 1_000,
    requireHostHeader: false,
  };
  const server: Server = options.tls
    ? createHttpsServer({ ...common, key: options.tls.key, cert: options.tls.cert, ciphers: CIPHERS, minVersion: 'TLSv1.2' }, listener)
    : createHttpServer(common, listener);
  server.on('clientError', answerClientError(options.serverHeader ?? 'Corral'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    host: address.address,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
