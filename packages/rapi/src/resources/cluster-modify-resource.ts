import { HttpError } from '@corral/http';
import { fillOpcodeFields } from '../fill-opcode-fields';
import type { RapiRow } from '../rapi-row';
import { submitJob } from '../submit-job';

/** Cluster parameters Ganeti 3.0's RAPI refuses to set (R_2_cluster_modify.PUT_FORBIDDEN). */
const FORBIDDEN = ['compression_tools'];

/** `PUT /2/modify`: OP_CLUSTER_SET_PARAMS with the body; forbidden parameters are a 403. */
export const clusterModifyRows: readonly RapiRow[] = [
  {
    path: '/2/modify',
    resource: 'cluster_modify',
    PUT: {
      handle: (req, services) => {
        const fields = fillOpcodeFields(req);
        for (const key of FORBIDDEN) if (key in fields) throw new HttpError(403, `The parameter ${key} cannot be set via RAPI`);
        return submitJob(services, req, 'cluster_modify', [{ opId: 'OP_CLUSTER_SET_PARAMS', fields }]);
      },
    },
  },
];
