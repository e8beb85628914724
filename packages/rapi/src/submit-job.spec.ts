import { QueryArgs, type RouteRequest } from '@corral/http';
import { reasonTrail } from './submit-job';

const request = (query: string, user: string | null): RouteRequest => ({
  method: 'PUT',
  path: '/2/tags',
  params: {},
  query: new QueryArgs(query),
  body: null,
  user,
  signal: new AbortController().signal,
});

describe('reasonTrail', () => {
  describe('when the request names a reason and a user is authenticated', () => {
    it('gives gnt:user, the rlib2 resource and corral:user, with epoch nanoseconds', () => {
      const before = Date.now() * 1e6;
      const trail = reasonTrail(request('reason=maintenance', 'alice'), 'instances_name_tags');
      expect(trail.map((e) => e.slice(0, 2))).toEqual([
        ['gnt:user', 'maintenance'],
        ['gnt:library:rlib2:instances_name_tags', ''],
        ['corral:user', 'alice'],
      ]);
      expect(trail[0]![2]).toBeGreaterThanOrEqual(before);
    });
  });

  describe('when the request is anonymous and gives no reason', () => {
    it('gives only the rlib2 entry', () => {
      expect(reasonTrail(request('', null), 'tags').map((e) => e.slice(0, 2))).toEqual([['gnt:library:rlib2:tags', '']]);
    });
  });
});
