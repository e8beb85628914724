import { ContainerModule } from 'inversify';
import type { Route } from '@corral/http';
import { buildRoutes, rapiRouteTable, RapiRoutes, RapiServices, type RapiRow } from '@corral/rapi';

/**
 * Rows that exercise the transport and the access mechanism through the
 * real route table machinery (RapiRow -> Route -> auth hook), under `/test/`
 * so they never shadow a real resource.
 */
export const TEST_ROWS: readonly RapiRow[] = [
  {
    path: '/test/whoami',
    resource: 'test_whoami',
    GET: { handle: (req) => ({ user: req.user }) },
    POST: { access: [], handle: (req) => ({ user: req.user, body: req.body }) },
  },
  {
    path: '/test/write',
    resource: 'test_write',
    PUT: { handle: (req) => ({ user: req.user }) },
    POST: { handle: (req) => ({ user: req.user }) },
    DELETE: { handle: (req) => ({ user: req.user }) },
  },
  { path: '/test/write-get', resource: 'test_write_get', GET: { access: ['write'], handle: (req) => req.user } },
  {
    path: /^\/test\/query\/(?<resource>[\w._-]+)$/u,
    resource: 'test_query',
    GET: { access: ['read', 'write'], handle: (req) => ({ resource: req.params.resource, user: req.user }) },
    PUT: { access: ['read', 'write'], handle: (req) => ({ resource: req.params.resource, body: req.body, user: req.user }) },
  },
  {
    path: '/test/flags',
    resource: 'test_flags',
    GET: { handle: (req) => ({ bulk: req.query.flag('bulk'), dry_run: req.query.flag('dry-run'), tags: req.query.getAll('tag') }) },
  },
  { path: '/test/unicode', resource: 'test_unicode', GET: { handle: () => ({ tag: 'größe', message: '日本 😀' }) } },
  {
    path: '/test/boom',
    resource: 'test_boom',
    GET: {
      handle: () => {
        throw new Error('handler exploded');
      },
    },
  },
];

/** Replaces the route table by the real one plus {@link TEST_ROWS}. */
export const testRowsModule = new ContainerModule(async ({ rebind }) => {
  (await rebind<Route[]>(RapiRoutes))
    .toDynamicValue((ctx) => buildRoutes([...rapiRouteTable, ...TEST_ROWS], ctx.get(RapiServices)))
    .inSingletonScope();
});
