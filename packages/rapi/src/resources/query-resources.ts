import { HttpError, type RouteRequest } from '@corral/http';
import { describeFields, filterFieldNames, QueryFilterError, runQuery, type QueryResult } from '@corral/query';
import { pythonTypeName } from '../python-type-name';
import { querySources } from '../query/query-sources';
import type { RapiRow } from '../rapi-row';
import type { RapiServices } from '../rapi-services';

const RESOURCES = Object.keys(querySources).join('|');

/** `?fields=a, b` split on commas and trimmed; undefined when absent. */
function queryFields(request: RouteRequest): string[] | undefined {
  const raw = request.query.get('fields');
  return raw === undefined ? undefined : raw.split(',').map((f) => f.trim());
}

async function query(services: RapiServices, resource: string, fields: readonly string[], filter: unknown): Promise<QueryResult> {
  const source = querySources[resource]!;
  const items = await source.items(services, [...fields, ...filterFieldNames(filter)]);
  try {
    return runQuery(source.table, items as never[], fields, filter);
  } catch (error) {
    if (error instanceof QueryFilterError) throw new HttpError(400, error.message);
    throw error;
  }
}

function requiredFields(request: RouteRequest): string[] {
  const fields = queryFields(request);
  if (fields === undefined) throw new HttpError(400, "Missing 'fields' query argument");
  return fields;
}

/** `/2/query/[resource]` (GET with `?fields=`, PUT with a body) and `/2/query/[resource]/fields` (Ganeti 3.0). */
export const queryRows: readonly RapiRow[] = [
  {
    path: new RegExp(`^/2/query/(?<resource>${RESOURCES})$`),
    resource: 'query',
    GET: {
      access: ['read', 'write'],
      handle: (req, services) => query(services, req.params.resource!, requiredFields(req), null),
    },
    PUT: {
      access: ['read', 'write'],
      handle: (req, services) => {
        const body = req.body ?? {};
        if (typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, `Body contents: Type is '${pythonTypeName(body)}', but 'dict' is expected`);
        const b = body as Record<string, unknown>;
        const fields = 'fields' in b ? b.fields : requiredFields(req);
        if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string')) throw new HttpError(400, "The 'fields' parameter should be a list of strings");
        const filter = b.qfilter ?? b.filter ?? null;
        return query(services, req.params.resource!, fields, filter);
      },
    },
  },
  {
    path: new RegExp(`^/2/query/(?<resource>${RESOURCES})/fields$`),
    resource: 'query_fields',
    GET: {
      handle: (req) => describeFields(querySources[req.params.resource!]!.table, queryFields(req) ?? null),
    },
  },
];
