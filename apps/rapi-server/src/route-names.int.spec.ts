import { sendRequest } from '@corral/testing';
import { startTestServer, type TestServer } from './testing/start-test-server';

const NOT_FOUND = '{"code": 404, "message": "Not Found", "explain": "Nothing matches the given URI"}\n';

describe('route names as Ganeti matches them', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when a name segment has characters outside [\\w._-]', () => {
    it.each([
      ['PUT', '/2/instances/a:b/shutdown'],
      ['PUT', '/2/instances/foo%2Ebar/tags?tag=x'],
      ['POST', '/2/instances/a@b/disk/0/grow'],
      ['PUT', '/2/nodes/n%20a/role'],
      ['PUT', '/2/groups/g:1/modify'],
      ['PUT', '/2/networks/n!/connect'],
      ['GET', '/2/jobs/1a'],
    ])('answers %s %s with 404 and submits no job', async (method, path) => {
      const res = await sendRequest(`${server.url}${path}`, { method, auth: server.writeAuth });
      expect([res.status, res.text]).toEqual([404, NOT_FOUND]);
      expect((await sendRequest(`${server.url}/2/jobs`)).json).toEqual([]);
    });
  });
});
