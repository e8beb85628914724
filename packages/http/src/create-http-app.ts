import Koa from 'koa';
import Router from '@koa/router';
import { decodeJson, encodeJsonBytes, errorBody, JsonDecodeError } from '@corral/json-codec';
import { allowAnonymous, type AuthHook } from './auth-hook';
import { checkContentType } from './check-content-type';
import { describeError } from './describe-error';
import { HttpError } from './http-error';
import { QueryArgs } from './query-args';
import { readBody } from './read-body';
import type { HttpMethod, Route, RouteMethod } from './route';

/** How the transport behaves; every field has a sensible default. */
export interface HttpAppOptions {
  readonly routes: readonly Route[];
  readonly auth?: AuthHook;
  /** Every request needs credentials, even to unknown paths (ganeti-rapi's flag). */
  readonly requireAuthentication?: boolean;
  /** Largest accepted request body in bytes (413 above it). */
  readonly bodyLimit?: number;
  /** Value of the `Server` header. */
  readonly serverHeader?: string;
  /**
   * Where unexpected exceptions are reported; `line` is a one-line
   * description. Default: one line on stderr.
   */
  readonly onUnexpectedError?: (error: unknown, method: string, url: string, line: string) => void;
}

const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;
const REALM_HEADER = 'Basic realm="Ganeti Remote API"';

function sendJson(ctx: Koa.Context, status: number, body: Buffer): void {
  ctx.status = status;
  ctx.set('Content-Type', 'application/json');
  ctx.body = body;
}

function sendError(ctx: Koa.Context, error: HttpError): void {
  sendJson(ctx, error.status, encodeJsonBytes(errorBody(error.status, error.detail)));
  for (const [name, value] of Object.entries(error.headers)) ctx.set(name, value);
  if (error.status === 401) ctx.set('WWW-Authenticate', REALM_HEADER);
  // The rest of an over-large body is not worth reading: close after answering.
  if (error.status === 413) ctx.set('Connection', 'close');
}

/** Ganeti's checks of the request itself: HTTP/2+ is a 505, HTTP/1.1 needs a Host header. */
function checkRequest(ctx: Koa.Context): void {
  const { httpVersionMajor, httpVersionMinor } = ctx.req;
  if (httpVersionMajor >= 2) throw new HttpError(505);
  if (httpVersionMajor === 1 && httpVersionMinor >= 1 && ctx.get('host') === '') throw new HttpError(400, 'Missing Host header');
}

function defaultReport(_error: unknown, method: string, url: string, line: string): void {
  process.stderr.write(`Unexpected error on ${method} ${url}: ${line}\n`);
}

function routeParams(route: Route, path: string): Record<string, string> {
  if (typeof route.path === 'string') return {};
  return { ...(route.path.exec(path)?.groups ?? {}) };
}

function authorise(hook: AuthHook, authorization: string | undefined, access: readonly string[]): string | null {
  const outcome = hook({ authorization, access });
  if (outcome.allowed) return outcome.user;
  throw new HttpError(outcome.status, outcome.message);
}

/**
 * Builds the Koa application for a route table, processing each request in
 * Ganeti's order: route (404), method (501), authentication (401/403/400),
 * body (415/413/400), handler. Every answer, errors included, is JSON.
 * Returns the app so embedders can mount `app.callback()` anywhere.
 */
export function createHttpApp(options: HttpAppOptions): Koa {
  const app = new Koa();
  const router = new Router({ strict: true, sensitive: true });
  const auth = options.auth ?? allowAnonymous;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const serverHeader = options.serverHeader ?? 'Corral';
  const report = options.onUnexpectedError ?? defaultReport;
  // Errors Koa itself catches (e.g. writing to a closed socket): one line, not Koa's stack dump.
  app.on('error', (error: unknown, ctx?: Koa.Context) => {
    if (ctx?.req.socket.destroyed) return;
    report(error, ctx?.method ?? '-', ctx?.url ?? '-', describeError(error));
  });

  app.use(async (ctx, next) => {
    ctx.set('Server', serverHeader);
    try {
      checkRequest(ctx);
      if (options.requireAuthentication && ctx.get('authorization') === '') throw new HttpError(401);
      await next();
      if (ctx.body === undefined || ctx.body === null) throw new HttpError(404);
    } catch (error) {
      if (error instanceof HttpError) sendError(ctx, error);
      else if (error instanceof JsonDecodeError) sendError(ctx, new HttpError(400, error.message));
      else if (ctx.req.socket.destroyed) {
        // The client went away (aborted upload, closed wait): nobody to answer, nothing to report.
        ctx.status = 400;
      } else {
        report(error, ctx.method, ctx.url, describeError(error));
        sendError(ctx, new HttpError(500, error instanceof Error ? error.message : String(error)));
      }
    }
  });

  for (const route of options.routes) {
    router.all(route.path, async (ctx) => {
      const method = (ctx.method.toUpperCase() === 'HEAD' ? 'GET' : ctx.method.toUpperCase()) as HttpMethod;
      const entry: RouteMethod | undefined = Object.prototype.hasOwnProperty.call(route.methods, method)
        ? route.methods[method]
        : undefined;
      if (!entry) throw new HttpError(501, `Method ${ctx.method.toUpperCase()} is unsupported for path ${ctx.url}`);
      const user = authorise(auth, ctx.get('authorization') || undefined, entry.access);
      const raw = await readBody(ctx.req, bodyLimit);
      if (raw.length > 0) checkContentType(ctx.get('content-type') || undefined);
      const body = decodeJson(raw);
      const abort = new AbortController();
      ctx.res.once('close', () => {
        if (!ctx.res.writableEnded) abort.abort();
      });
      const result = await entry.handler({
        method,
        path: ctx.path,
        params: routeParams(route, ctx.path),
        query: new QueryArgs(ctx.querystring),
        body,
        user,
        signal: abort.signal,
      });
      sendJson(ctx, 200, encodeJsonBytes(result));
    });
  }
  app.use(router.routes());
  return app;
}
