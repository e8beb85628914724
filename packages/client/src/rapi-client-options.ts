/** How to reach a RAPI server and prove who we are. */
export interface RapiClientOptions {
  /** Host name or address of the cluster master. */
  readonly host: string;
  /** Default 5080. */
  readonly port?: number;
  /** Default true (Ganeti's default); false talks plain HTTP. */
  readonly tls?: boolean;
  readonly username?: string;
  readonly password?: string;
  /** PEM CA bundle (or the server's self-signed certificate) to verify the server with. */
  readonly ca?: string | Buffer;
  /** Skip certificate verification. Explicit opt-in; never the default. */
  readonly insecure?: boolean;
  /** Per-request timeout in milliseconds (default 60 s; `/wait` calls add their own 10 s). */
  readonly timeoutMs?: number;
  /** Sent as `User-Agent`. */
  readonly userAgent?: string;
}
