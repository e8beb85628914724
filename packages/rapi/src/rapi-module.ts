import { ContainerModule } from 'inversify';
import type { Route } from '@corral/http';
import { buildRoutes } from './rapi-routes';
import { RapiServices } from './rapi-services';
import { rapiRouteTable } from './route-table';

/** The transport routes of the whole RAPI, ready for `createHttpApp`. */
export const RapiRoutes: unique symbol = Symbol.for('@corral/rapi/RapiRoutes');

export const rapiModule = new ContainerModule(({ bind }) => {
  bind(RapiServices).toSelf().inSingletonScope();
  bind<Route[]>(RapiRoutes)
    .toDynamicValue((ctx) => buildRoutes(rapiRouteTable, ctx.get(RapiServices)))
    .inSingletonScope();
});
