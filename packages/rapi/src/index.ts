export { rapiModule, RapiRoutes } from './rapi-module';
export { rapiRouteTable } from './route-table';
export { buildRoutes } from './rapi-routes';
export { RapiServices } from './rapi-services';
export type { RapiRow, RapiMethod, RapiHandler, Access } from './rapi-row';
export { clusterInfo } from './resources/info-resource';
export { RAPI_FEATURES } from './resources/features-resource';
export { submitJob, reasonTrail, type OpcodeRequest } from './submit-job';
export { ganetiErrorToHttp } from './ganeti-error-to-http';
