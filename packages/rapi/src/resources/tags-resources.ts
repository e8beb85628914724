import { HttpError, type RouteRequest } from '@corral/http';
import type { ConfigKind } from '@corral/store';
import { notFound } from '../not-found';
import { pythonTypeName } from '../python-type-name';
import type { RapiRow } from '../rapi-row';
import type { RapiServices } from '../rapi-services';
import { submitJob } from '../submit-job';
import { rapiPath } from '../rapi-path';

type TagKind = 'cluster' | 'instance' | 'node' | 'nodegroup' | 'network';

/**
 * The tags of a request: every `?tag=` value, then a JSON list body's
 * strings (Ganeti ignores the body; Corral honours it, case J2). Another
 * body shape is a 400, and so is no tag at all.
 */
function requestedTags(request: RouteRequest, missing: string): unknown[] {
  const tags: unknown[] = request.query.getAll('tag');
  if (request.body !== null) {
    if (!Array.isArray(request.body)) throw new HttpError(400, `Body contents: Type is '${pythonTypeName(request.body)}', but 'list' is expected`);
    tags.push(...request.body);
  }
  if (tags.length === 0) throw new HttpError(400, missing);
  return tags;
}

async function currentTags(services: RapiServices, kind: TagKind, name: string | null): Promise<readonly string[]> {
  const snapshot = await services.config.snapshot();
  const object = kind === 'cluster' ? snapshot.list('cluster')[0] : snapshot.findByName(kind as ConfigKind, name ?? '');
  if (!object) throw notFound();
  return object.tags;
}

/** The GET/PUT/DELETE rows of one tag resource. */
function tagRow(path: string | RegExp, resource: string, kind: TagKind): RapiRow {
  const nameOf = (req: RouteRequest): string | null => (kind === 'cluster' ? null : (req.params.name ?? null));
  const fields = (req: RouteRequest, tags: unknown[]): Record<string, unknown> => ({ kind, name: nameOf(req), tags, dry_run: req.query.flag('dry-run') });
  return {
    path,
    resource,
    GET: { handle: async (req, services) => [...(await currentTags(services, kind, nameOf(req)))] },
    PUT: {
      handle: (req, services) => {
        const tags = requestedTags(req, "Please specify tag(s) to add using the the 'tag' parameter");
        return submitJob(services, req, resource, [{ opId: 'OP_TAGS_SET', fields: fields(req, tags) }]);
      },
    },
    DELETE: {
      handle: (req, services) => {
        const tags = requestedTags(req, "Cannot delete all tags - please specify tag(s) using the 'tag' parameter");
        return submitJob(services, req, resource, [{ opId: 'OP_TAGS_DEL', fields: fields(req, tags) }]);
      },
    },
  };
}

/** Tags of the cluster, nodes, node groups, instances and networks. */
export const tagsRows: readonly RapiRow[] = [
  tagRow('/2/tags', 'tags', 'cluster'),
  tagRow(rapiPath('/2/nodes/:name/tags'), 'nodes_name_tags', 'node'),
  tagRow(rapiPath('/2/groups/:name/tags'), 'groups_name_tags', 'nodegroup'),
  tagRow(rapiPath('/2/instances/:name/tags'), 'instances_name_tags', 'instance'),
  tagRow(rapiPath('/2/networks/:name/tags'), 'networks_name_tags', 'network'),
];
