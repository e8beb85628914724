import { randomUUID } from 'node:crypto';
import { HttpError, type RouteRequest } from '@corral/http';
import { checkPredicates } from '@corral/jobs';
import type { FilterAction, FilterRule } from '@corral/model';
import { QueryFilterError } from '@corral/query';
import { notFound } from '../not-found';
import { filterFields, FILTER_BULK_FIELDS } from '../query/filter-fields';
import type { RapiRow } from '../rapi-row';
import type { RapiServices } from '../rapi-services';
import { rapiPath } from '../rapi-path';

const KEYS = ['priority', 'predicates', 'action', 'reason'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isAction(value: unknown): value is FilterAction {
  if (value === 'ACCEPT' || value === 'PAUSE' || value === 'REJECT' || value === 'CONTINUE') return true;
  return Array.isArray(value) && value.length === 2 && value[0] === 'RATE_LIMIT' && Number.isInteger(value[1]) && (value[1] as number) >= 0;
}

const isReason = (r: unknown): boolean => Array.isArray(r) && r.length === 3 && typeof r[0] === 'string' && typeof r[1] === 'string' && typeof r[2] === 'number';

/** Predicates in Ganeti's stored form: `=` is written `==`. */
function normalise(filter: unknown): unknown {
  if (!Array.isArray(filter)) return filter;
  return filter.map((f, i) => (i === 0 && f === '=' ? '==' : normalise(f)));
}

/**
 * A rule from a request body (priority default 0, predicates [], action
 * CONTINUE, reason []); any other key, a wrong type or a malformed
 * predicate is a 400. The reason trail gets Corral's entry, as luxid adds its own.
 */
function ruleFromBody(request: RouteRequest, services: RapiServices, uuid: string): FilterRule {
  if (!UUID.test(uuid)) throw new HttpError(400, 'Unable to parse UUID');
  const body = request.body ?? {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'Invalid body contents, not a dictionary');
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (!KEYS.includes(key)) throw new HttpError(400, `Invalid body parameters: filter rule doesn't support the parameter '${key}'`);
  }
  const { priority = 0, predicates = [], action = 'CONTINUE', reason = [] } = b;
  if (!Number.isInteger(priority) || (priority as number) < 0) throw new HttpError(400, `Invalid value for non-negative type '${JSON.stringify(priority)}'`);
  if (!Array.isArray(predicates)) throw new HttpError(400, `Invalid filter predicates ${JSON.stringify(predicates)}: a list is expected`);
  if (!isAction(action)) throw new HttpError(400, `malformed FilterAction JSON: ${JSON.stringify(action)}`);
  if (!Array.isArray(reason) || !reason.every(isReason)) throw new HttpError(400, 'Invalid filter reason: a list of [source, reason, timestamp] is expected');
  try {
    checkPredicates(predicates);
  } catch (error) {
    if (error instanceof QueryFilterError) throw new HttpError(400, `Invalid filter predicates: ${error.message}`);
    throw error;
  }
  const now = Date.now();
  return {
    uuid,
    watermark: services.jobs.highestJobId(),
    priority: priority as number,
    predicates: predicates.map(normalise),
    action,
    reason_trail: [...(reason as unknown[]), ['corral:rapi', request.user ?? '', now * 1e6]],
    tags: [],
    serial_no: 0,
    ctime: now / 1000,
    mtime: now / 1000,
  };
}

async function findRule(services: RapiServices, uuid: string): Promise<FilterRule | undefined> {
  return (await services.config.snapshot()).get('filter', uuid);
}

async function store(services: RapiServices, rule: FilterRule): Promise<string> {
  await services.config.commit({ put: [{ kind: 'filter', object: rule }] });
  await services.jobs.reloadFilterRules();
  return rule.uuid;
}

/** `/2/filters` and `/2/filters/[uuid]` (Ganeti 3.0): job filter rules, kept in the configuration and applied by the scheduler. */
export const filtersRows: readonly RapiRow[] = [
  {
    path: '/2/filters',
    resource: 'filters',
    GET: {
      handle: async (req, services) => {
        const rules = (await services.config.snapshot()).list('filter');
        if (req.query.flag('bulk')) return rules.map((r) => filterFields.project(r, FILTER_BULK_FIELDS));
        return rules.map((r) => ({ uuid: r.uuid, uri: `/2/filters/${r.uuid}` }));
      },
    },
    POST: { handle: (req, services) => store(services, ruleFromBody(req, services, randomUUID())) },
  },
  {
    path: rapiPath('/2/filters/:uuid'),
    resource: 'filters_uuid',
    GET: {
      handle: async (req, services) => {
        const rule = await findRule(services, req.params.uuid!);
        if (!rule) throw notFound();
        return filterFields.project(rule, FILTER_BULK_FIELDS);
      },
    },
    PUT: { handle: (req, services) => store(services, ruleFromBody(req, services, req.params.uuid!)) },
    DELETE: {
      handle: async (req, services) => {
        const rule = await findRule(services, req.params.uuid!);
        if (!rule) throw notFound();
        await services.config.commit({ remove: [{ kind: 'filter', uuid: rule.uuid }] });
        await services.jobs.reloadFilterRules();
        return null;
      },
    },
  },
];
