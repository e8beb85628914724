import type { RapiRow } from '../rapi-row';

/** The resources `/2` lists: the top-level collections of version 2. */
const VERSION_2_RESOURCES = ['features', 'filters', 'groups', 'info', 'instances', 'jobs', 'networks', 'nodes', 'os', 'query', 'tags'];

/** `/`, `/2` and `/version`: the API's own description. */
export const rootRows: readonly RapiRow[] = [
  {
    path: '/',
    resource: 'root',
    GET: {
      handle: () => [
        { name: '2', uri: '/2' },
        { name: 'version', uri: '/version' },
      ],
    },
  },
  {
    path: '/2',
    resource: '2',
    GET: { handle: () => VERSION_2_RESOURCES.map((name) => ({ name, uri: `/2/${name}` })) },
  },
  { path: '/version', resource: 'version', GET: { handle: () => 2 } },
];
