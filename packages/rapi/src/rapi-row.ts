import type { RouteRequest } from '@corral/http';
import type { RapiServices } from './rapi-services';

/** Who may call a method: anonymous, or a user with one of the options. */
export type Access = readonly ('read' | 'write')[];

/** Handler of one RAPI method, given the request and the services. */
export type RapiHandler = (request: RouteRequest, services: RapiServices) => unknown;

/** One method of a RAPI resource. */
export interface RapiMethod {
  readonly handle: RapiHandler;
  /** Default: anonymous for GET, `write` for PUT, POST and DELETE. */
  readonly access?: Access;
}

/**
 * One row of the RAPI route table: the path, Ganeti's resource name (as in
 * the reason trail, `instances_name_reboot`) and its methods.
 */
export interface RapiRow {
  readonly path: string | RegExp;
  readonly resource: string;
  readonly GET?: RapiMethod;
  readonly PUT?: RapiMethod;
  readonly POST?: RapiMethod;
  readonly DELETE?: RapiMethod;
}
