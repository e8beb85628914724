import type { RapiRow } from './rapi-row';
import { rootRows } from './resources/root-resources';
import { featuresRows } from './resources/features-resource';
import { infoRows } from './resources/info-resource';
import { jobsRows } from './resources/jobs-resources';
import { tagsRows } from './resources/tags-resources';
import { redistributeConfigRows } from './resources/redistribute-config-resource';
import { instancesRows } from './resources/instances-resources';
import { instancesMultiAllocRows } from './resources/instances-multi-alloc-resource';
import { networksRows } from './resources/networks-resources';
import { queryRows } from './resources/query-resources';
import { filtersRows } from './resources/filters-resources';
import { corralNodesRows, nodesRows } from './resources/nodes-resources';
import { groupsRows } from './resources/groups-resources';
import { osRows } from './resources/os-resource';
import { clusterModifyRows } from './resources/cluster-modify-resource';
import { instanceOperationsRows } from './resources/instance-operations-resources';

/**
 * The RAPI route table: every resource the server answers. Adding a resource
 * means adding its rows here.
 */
export const rapiRouteTable: readonly RapiRow[] = [
  ...rootRows,
  ...featuresRows,
  ...infoRows,
  ...jobsRows,
  ...tagsRows,
  ...redistributeConfigRows,
  ...instancesRows,
  ...instancesMultiAllocRows,
  ...networksRows,
  ...queryRows,
  ...filtersRows,
  ...nodesRows,
  ...corralNodesRows,
  ...groupsRows,
  ...osRows,
  ...clusterModifyRows,
  ...instanceOperationsRows,
];
