import type { QueryArgs } from './query-args';

/** Methods a route may implement. HEAD is served by GET's handler. */
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

/** What a handler sees of a request, already routed, authorised and decoded. */
export interface RouteRequest {
  readonly method: HttpMethod;
  /** The raw path (never percent-decoded, as Ganeti matches it). */
  readonly path: string;
  /** Named groups of the route pattern. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryArgs;
  /** The decoded JSON body; `null` when the body was empty. */
  readonly body: unknown;
  /** The authenticated user's name, or null for an anonymous request. */
  readonly user: string | null;
  /** Aborted when the client goes away, so long waits can stop early. */
  readonly signal: AbortSignal;
}

/** A handler returns any JSON value; it becomes the 200 response body. */
export type RouteHandler = (request: RouteRequest) => unknown;

/** One method of a route: its handler and the user options it needs. */
export interface RouteMethod {
  readonly handler: RouteHandler;
  /** Options any one of which grants access; empty means anonymous. */
  readonly access: readonly string[];
}

/**
 * One row of a route table: an exact path or an anchored pattern with named
 * groups, and the methods it implements. The transport knows nothing else
 * about what the routes mean.
 */
export interface Route {
  readonly path: string | RegExp;
  readonly methods: Partial<Record<HttpMethod, RouteMethod>>;
}
