import { HttpError, type RouteRequest } from '@corral/http';
import { isGanetiError } from '@corral/model';
import { pythonErrorText } from '@corral/opcodes';
import { ganetiErrorToHttp } from './ganeti-error-to-http';
import type { RapiServices } from './rapi-services';

/** One opcode to submit: its id and its fields (static ones from the URL and query included). */
export interface OpcodeRequest {
  readonly opId: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * The reason trail Ganeti 3.0's RAPI puts on every opcode: the `?reason=`
 * text as `gnt:user`, the resource as `gnt:library:rlib2:<resource>`, and
 * Corral's addition, the authenticated user as `corral:user`.
 */
export function reasonTrail(request: RouteRequest, resource: string): [string, string, number][] {
  const ns = Date.now() * 1e6;
  const trail: [string, string, number][] = [];
  const text = request.query.get('reason');
  if (text !== undefined) trail.push(['gnt:user', text, ns]);
  trail.push([`gnt:library:rlib2:${resource}`, '', ns]);
  if (request.user !== null) trail.push(['corral:user', request.user, ns]);
  return trail;
}

/**
 * Validates the opcodes (400 `Invalid body parameters: ...` with Ganeti's
 * text) and submits them as one job; resolves with the job id once durable.
 */
export async function submitJob(services: RapiServices, request: RouteRequest, resource: string, ops: readonly OpcodeRequest[]): Promise<number> {
  const reason = reasonTrail(request, resource);
  const inputs = ops.map(({ opId, fields }) => {
    try {
      return services.opcodes.build(opId, { ...fields, reason: [...reason, ...((fields.reason as unknown[]) ?? [])] });
    } catch (error) {
      if (isGanetiError(error)) throw new HttpError(400, `Invalid body parameters: ${pythonErrorText(error)}`);
      throw error;
    }
  });
  try {
    return await services.jobs.submit(inputs);
  } catch (error) {
    throw ganetiErrorToHttp(error);
  }
}

/** {@link submitJob} of a one-opcode job: what most write resources submit. */
export function submitOpcode(services: RapiServices, request: RouteRequest, resource: string, opId: string, fields: Record<string, unknown>): Promise<number> {
  return submitJob(services, request, resource, [{ opId, fields }]);
}
