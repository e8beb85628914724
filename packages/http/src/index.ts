export { createHttpApp, type HttpAppOptions } from './create-http-app';
export { startHttpServer, type ListenOptions, type RunningHttpServer } from './start-http-server';
export { HttpError } from './http-error';
export { QueryArgs } from './query-args';
export type { Route, RouteMethod, RouteHandler, RouteRequest, HttpMethod } from './route';
export { allowAnonymous, type AuthHook, type AuthQuery, type AuthOutcome } from './auth-hook';
export { describeError } from './describe-error';
export { answerClientError } from './answer-client-error';
export { checkContentType } from './check-content-type';
