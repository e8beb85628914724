import type { RapiRow } from '../rapi-row';

/** Feature strings of Ganeti 3.0's `/2/features`. */
export const RAPI_FEATURES = ['instance-create-reqv1', 'instance-reinstall-reqv1', 'node-migrate-reqv1', 'node-evac-res1'];

export const featuresRows: readonly RapiRow[] = [
  { path: '/2/features', resource: 'features', GET: { handle: () => RAPI_FEATURES } },
];
