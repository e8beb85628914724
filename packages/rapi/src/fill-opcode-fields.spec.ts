import { HttpError, QueryArgs, type RouteRequest } from '@corral/http';
import { fillOpcodeFields } from './fill-opcode-fields';

const request = (body: unknown): RouteRequest => ({
  method: 'POST',
  path: '/2/groups',
  params: {},
  query: new QueryArgs(''),
  body,
  user: null,
  signal: new AbortController().signal,
});

describe('fillOpcodeFields', () => {
  describe('when the body has legacy keys and the URL gives static values', () => {
    it('renames the keys and adds the static values', () => {
      const fields = fillOpcodeFields(request({ name: 'rack1', alloc_policy: 'preferred' }), { rename: { name: 'group_name' }, static: { dry_run: true } });
      expect(fields).toEqual({ alloc_policy: 'preferred', group_name: 'rack1', dry_run: true });
    });
  });

  describe('when the body is empty', () => {
    it('gives the static values alone', () => {
      expect(fillOpcodeFields(request(null), { static: { node_name: 'n1' } })).toEqual({ node_name: 'n1' });
    });
  });

  describe('when the body is wrong', () => {
    it.each([
      [['a'], { static: {} }, "Body contents: Type is 'list', but 'dict' is expected"],
      [{ node_name: 'x', force: true }, { static: { node_name: 'n1', force: false } }, "Can't overwrite static parameters {'force', 'node_name'}"],
      [{ name: 'a', group_name: 'b' }, { rename: { name: 'group_name' } }, "Parameter 'name' was renamed to 'group_name', but both are specified"],
    ])('refuses %j with a 400', (body, options, message) => {
      expect(() => fillOpcodeFields(request(body), options)).toThrow(new HttpError(400, message));
    });
  });
});
