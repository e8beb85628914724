import type { RapiRow } from '../rapi-row';
import { submitJob } from '../submit-job';

/** `PUT /2/redistribute-config`: submits OP_CLUSTER_REDIST_CONF. */
export const redistributeConfigRows: readonly RapiRow[] = [
  {
    path: '/2/redistribute-config',
    resource: 'redist_config',
    PUT: { handle: (req, services) => submitJob(services, req, 'redist_config', [{ opId: 'OP_CLUSTER_REDIST_CONF', fields: {} }]) },
  },
];
