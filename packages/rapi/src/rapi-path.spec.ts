import { rapiPath } from './rapi-path';

describe('rapiPath', () => {
  const instance = rapiPath('/2/instances/:name/disk/:disk/grow');

  describe('when a path uses Ganeti name characters', () => {
    it.each(['inst1.example.com', 'a_b-c', 'größe', 'x'])('matches %p and names the groups', (name) => {
      expect(instance.exec(`/2/instances/${name}/disk/0/grow`)?.groups).toEqual({ name, disk: '0' });
    });
  });

  describe('when a segment has other characters', () => {
    it.each(['a:b', 'a%2Eb', 'a b', 'a@b', ''])('refuses the name %p', (name) => {
      expect(instance.test(`/2/instances/${name}/disk/0/grow`)).toBe(false);
    });

    it.each(['abc', '1a', '-1'])('refuses the non-numeric index or job id %p', (id) => {
      expect(instance.test(`/2/instances/x/disk/${id}/grow`)).toBe(false);
      expect(rapiPath('/2/jobs/:id').test(`/2/jobs/${id}`)).toBe(false);
    });

    it('refuses a trailing slash', () => {
      expect(rapiPath('/2/nodes/:name').test('/2/nodes/n1/')).toBe(false);
    });
  });
});
