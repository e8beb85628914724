import { addLocalTestNode, startTestServer, type TestServer } from '@corral/rapi-server';
import { sendRequest } from '@corral/testing';
import { runHtools } from './htools';

/**
 * htools (Debian's ganeti-htools-3.0) reading the cluster through our RAPI.
 * htools' RAPI backend fetches, without credentials, GET /2/groups?bulk=1,
 * /2/nodes?bulk=1, /2/instances?bulk=1 and /2/info (docs/conformance.md lists
 * the fields it parses).
 *
 * The cluster: three local nodes and four instances created through the
 * RAPI itself (running and stopped, diskless and file), so htools sees real
 * placements, memory and disk use.
 */
const LOADED = /Loaded (\d+) nodes, (\d+) instances, (\d+) node groups?/;

/** Creates an instance through POST /2/instances and waits for its job to succeed. */
async function createInstance(server: TestServer, name: string, pnode: string, template: 'diskless' | 'file', start: boolean): Promise<void> {
  const body = {
    __version__: 1, mode: 'create', name, disk_template: template, disks: template === 'file' ? [{ size: 1024 }] : [], nics: [{}],
    os_type: 'noop+default', pnode, name_check: false, ip_check: false, start, beparams: { maxmem: 256, minmem: 256 },
  };
  const submitted = await sendRequest(`${server.url}/2/instances`, { method: 'POST', auth: server.writeAuth, body });
  if (submitted.status !== 200) throw new Error(`POST /2/instances answered ${submitted.status}: ${submitted.text}`);
  for (;;) {
    const job = (await sendRequest(`${server.url}/2/jobs/${submitted.json as number}`)).json as { status: string; opresult: unknown[] };
    if (job.status === 'success') return;
    if (['error', 'canceled'].includes(job.status)) throw new Error(`Creating ${name} failed: ${JSON.stringify(job.opresult)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function countOf(server: TestServer, path: string): Promise<number> {
  const res = await sendRequest(`${server.url}${path}`);
  if (!Array.isArray(res.json)) throw new Error(`GET ${path} answered ${res.status}: ${res.text}`);
  return res.json.length;
}

describe('htools against the server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await addLocalTestNode(server, 'node2.example.com');
    await addLocalTestNode(server, 'node3.example.com', { master_candidate: false });
    const master = ((await sendRequest(`${server.url}/2/info`)).json as { master: string }).master;
    await createInstance(server, 'web1.example.com', master, 'diskless', true);
    await createInstance(server, 'web2.example.com', 'node2.example.com', 'file', true);
    await createInstance(server, 'db1.example.com', 'node2.example.com', 'file', false);
    await createInstance(server, 'batch1.example.com', 'node3.example.com', 'diskless', true);
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('when reading a three-node cluster with instances with -m', () => {
    it('hinfo loads as many nodes, instances and groups as our own listings show, without an error', async () => {
      const run = await runHtools('hinfo', server.url);
      expect({ exitCode: run.exitCode, errors: run.stderr.split('\n').filter((line) => line.startsWith('Error')) }).toEqual({ exitCode: 0, errors: [] });
      const [nodes, instances, groups] = await Promise.all(['/2/nodes', '/2/instances', '/2/groups'].map((p) => countOf(server, p)));
      expect(LOADED.exec(run.stdout)?.slice(1).map(Number)).toEqual([nodes, instances, groups]);
    });

    it('hspace computes the free capacity without an error', async () => {
      const run = await runHtools('hspace', server.url);
      expect({ exitCode: run.exitCode, stderr: run.stderr.includes('Error') }).toEqual({ exitCode: 0, stderr: false });
      expect(run.stdout).toMatch(/The cluster has \d+ nodes? and the following resources/);
    });

    it('hbal reads the cluster without an error', async () => {
      const run = await runHtools('hbal', server.url);
      expect({ exitCode: run.exitCode, stderr: run.stderr.includes('Error') }).toEqual({ exitCode: 0, stderr: false });
    });
  });
});
