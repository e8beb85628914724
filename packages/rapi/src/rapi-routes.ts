import type { HttpMethod, Route, RouteMethod } from '@corral/http';
import type { Access, RapiRow } from './rapi-row';
import type { RapiServices } from './rapi-services';

const METHODS: readonly HttpMethod[] = ['GET', 'PUT', 'POST', 'DELETE'];
const DEFAULT_ACCESS: Record<HttpMethod, Access> = { GET: [], PUT: ['write'], POST: ['write'], DELETE: ['write'] };

/** Turns RAPI rows into transport routes whose handlers carry the services. */
export function buildRoutes(rows: readonly RapiRow[], services: RapiServices): Route[] {
  return rows.map((row) => {
    const methods: Partial<Record<HttpMethod, RouteMethod>> = {};
    for (const method of METHODS) {
      const spec = row[method];
      if (!spec) continue;
      methods[method] = {
        access: spec.access ?? DEFAULT_ACCESS[method],
        handler: (request) => spec.handle(request, services),
      };
    }
    return { path: row.path, methods };
  });
}
