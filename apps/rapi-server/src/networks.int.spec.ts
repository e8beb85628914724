import { sendRequest, type TestResponse } from '@corral/testing';
import type { Instance } from '@corral/model';
import { ConfigStore } from '@corral/store';
import { startTestServer, type TestServer } from './testing/start-test-server';
import { rapiTestClient } from './testing/rapi-test-client';

const NOT_FOUND = '{"code": 404, "message": "Not Found", "explain": "Nothing matches the given URI"}\n';

describe('networks over RAPI', () => {
  let server: TestServer;

  const call = (method: string, path: string, body?: unknown): Promise<TestResponse> =>
    sendRequest(`${server.url}${path}`, { method, auth: server.writeAuth, ...(body === undefined ? {} : { body: body as object }) });

  async function settled(res: TestResponse): Promise<Record<string, unknown>> {
    expect(res.status).toBe(200);
    return rapiTestClient(server).settled(res.json);
  }

  const network = async (name: string): Promise<Record<string, unknown>> => (await call('GET', `/2/networks/${name}`)).json as Record<string, unknown>;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when a network is created (legacy name key, reserved ips, tags)', () => {
    let job: Record<string, unknown>;
    beforeAll(async () => {
      job = await settled(await call('POST', '/2/networks', { name: 'testnet', network: '10.99.0.0/28', gateway: '10.99.0.1', add_reserved_ips: ['10.99.0.5'], tags: ['a'] }));
    });

    it('runs OP_NETWORK_ADD with the given keys only, as Ganeti stores it', () => {
      const op = (job.ops as Record<string, unknown>[])[0]!;
      expect([job.status, job.summary, job.opresult]).toEqual(['success', ['NETWORK_ADD(testnet)'], [null]]);
      expect(Object.keys(op).slice(6)).toEqual(['OP_ID', 'network_name', 'network', 'gateway', 'add_reserved_ips', 'conflicts_check', 'tags']);
    });

    it('lists it as name and uri', async () => {
      const res = await call('GET', '/2/networks');
      expect(res.text).toBe('[{"name": "testnet", "uri": "/2/networks/testnet"}]\n');
    });

    it('shows Ganeti 3.0\'s fields with the pool', async () => {
      const n = await network('testnet');
      expect(Object.keys(n)).toEqual([
        'name', 'network', 'gateway', 'network6', 'gateway6', 'mac_prefix', 'free_count', 'reserved_count', 'map',
        'group_list', 'inst_list', 'external_reservations', 'ctime', 'mtime', 'uuid', 'serial_no', 'tags',
      ]);
      expect({ ...n, ctime: 0, mtime: 0, uuid: '' }).toEqual({
        name: 'testnet', network: '10.99.0.0/28', gateway: '10.99.0.1', network6: null, gateway6: null, mac_prefix: null,
        free_count: 12, reserved_count: 4, map: 'XX...X.........X', group_list: [], inst_list: [],
        external_reservations: '10.99.0.0, 10.99.0.1, 10.99.0.5, 10.99.0.15', ctime: 0, mtime: 0, uuid: '', serial_no: 1, tags: ['a'],
      });
      expect((await call('GET', '/2/networks?bulk=1')).json).toEqual([n]);
    });

    it('refuses a second network of the same name in the job', async () => {
      const again = await settled(await call('POST', '/2/networks', { network_name: 'testnet', network: '10.98.0.0/24' }));
      const uuid = (await network('testnet')).uuid as string;
      expect(again.opresult).toEqual([['OpPrereqError', [`Desired network name 'testnet' already exists as a network (UUID: ${uuid})`, 'already_exists']]]);
    });
  });

  describe('when a body is bad', () => {
    it('is a 400 for an unknown key', async () => {
      const res = await call('POST', '/2/networks', { network_name: 'x', network: '10.1.0.0/24', foo: 1 });
      expect([res.status, (res.json as { message: string }).message]).toEqual([400, "Invalid body parameters: Object OpNetworkAdd doesn&#x27;t support the parameter &#x27;foo&#x27;"]);
    });

    it('is a 400 without the network', async () => {
      const res = await call('POST', '/2/networks', { network_name: 'x' });
      expect((res.json as { message: string }).message).toBe('Invalid body parameters: (&quot;Parameter &#x27;OP_NETWORK_ADD.network&#x27; is missing&quot;, &#x27;wrong_input&#x27;)');
    });

    it.each(['bogus', '10.1.0.1/24', '10.1.0.0/33'])('is a 400 for the malformed network %s', async (cidr) => {
      const res = await call('POST', '/2/networks', { network_name: 'bad', network: cidr });
      expect([res.status, (res.json as { message: string }).message]).toEqual([
        400,
        'Invalid body parameters: (&quot;Parameter &#x27;OP_NETWORK_ADD.network&#x27; fails validation&quot;, &#x27;wrong_input&#x27;)',
      ]);
    });

    it.each([
      [{ network: '10.0.0.0/15' }, ['OpExecError', ["Cannot create IP address pool for network 'bad': A big network with 131072 host(s) is currently not supported. please specify at most a /16 network"]]],
      [{ network: '10.1.0.0/31' }, ['OpExecError', ["Cannot create IP address pool for network 'bad': A network with only 2 host(s) is too small, please specify at least a /30 network"]]],
      [{ network: '10.1.0.0/24', gateway: '10.2.0.1' }, ['OpExecError', ["Cannot create IP address pool for network 'bad': 10.1.0.0/24 does not contain 10.2.0.1"]]],
      [{ network: '10.1.0.0/24', mac_prefix: 'zz' }, ['OpPrereqError', ["Invalid MAC address prefix 'zz'", 'wrong_input']]],
    ])('fails the job for %j with Ganeti 3.0\'s error', async (body, error) => {
      const job = await settled(await call('POST', '/2/networks', { network_name: 'bad', ...body }));
      expect(job.opresult).toEqual([error]);
    });

    it('answers dry-run without creating anything', async () => {
      const job = await settled(await call('POST', '/2/networks?dry-run=1', { network_name: 'dry', network: '10.2.0.0/24' }));
      expect(job.status).toBe('success');
      expect((await call('GET', '/2/networks/dry')).text).toBe(NOT_FOUND);
    });
  });

  describe('when connected, modified and disconnected', () => {
    it('connects to the default group with network_vlan defaulting to ""', async () => {
      const job = await settled(await call('PUT', '/2/networks/testnet/connect', { group_name: 'default', network_mode: 'bridged', network_link: 'br0' }));
      expect((job.ops as Record<string, unknown>[])[0]).toMatchObject({ OP_ID: 'OP_NETWORK_CONNECT', group_name: 'default', network_name: 'testnet', network_mode: 'bridged', network_link: 'br0', network_vlan: '', conflicts_check: true });
      expect((await network('testnet')).group_list).toEqual([['default', 'bridged', 'br0', '']]);
    });

    it('fails the job for an unknown group, with Ganeti\'s text', async () => {
      const job = await settled(await call('PUT', '/2/networks/testnet/connect', { group_name: 'nosuch', network_mode: 'pool', network_link: 'br0' }));
      expect(job.opresult).toEqual([['OpPrereqError', ["Node group 'nosuch' not found", 'unknown_entity']]]);
    });

    it('refuses to delete it while connected, with Ganeti\'s warning', async () => {
      const job = await settled(await call('DELETE', '/2/networks/testnet'));
      expect(job.opresult).toEqual([['OpPrereqError', ['Network still connected', 'wrong_state']]]);
      expect((job.oplog as unknown[][][])[0]![0]![3]).toBe(" - WARNING: Network 'testnet' is connected to the following node groups: default");
    });

    it('modifies reservations and the MAC prefix', async () => {
      const job = await settled(await call('PUT', '/2/networks/testnet/modify', { add_reserved_ips: ['10.99.0.7'], remove_reserved_ips: ['10.99.0.5'], mac_prefix: 'aa:00:00' }));
      expect(job.status).toBe('success');
      const n = await network('testnet');
      expect([n.map, n.external_reservations, n.mac_prefix, n.serial_no]).toEqual(['XX.....X.......X', '10.99.0.0, 10.99.0.1, 10.99.0.7, 10.99.0.15', 'aa:00:00', 2]);
    });

    it('tags it through /2/networks/[n]/tags', async () => {
      expect((await settled(await call('PUT', '/2/networks/testnet/tags?tag=b'))).status).toBe('success');
      expect((await call('GET', '/2/networks/testnet/tags')).json).toEqual(['a', 'b']);
    });

    it('disconnects and then deletes it (force in the body)', async () => {
      expect((await settled(await call('PUT', '/2/networks/testnet/disconnect', { group_name: 'default' }))).status).toBe('success');
      expect((await network('testnet')).group_list).toEqual([]);
      const job = await settled(await call('DELETE', '/2/networks/testnet', { force: true }));
      expect([job.status, (job.ops as Record<string, unknown>[])[0]!.force]).toEqual(['success', true]);
      expect((await call('GET', '/2/networks')).text).toBe('[]\n');
    });
  });

  describe('when a node\'s address lies in a new network', () => {
    it('reserves it externally (conflicts_check), unless the check is off', async () => {
      const job = await settled(await call('POST', '/2/networks', { network_name: 'local', network: '127.0.0.0/29' }));
      const master = (await server.container.get<ConfigStore>(ConfigStore).snapshot()).list('node')[0]!.name;
      expect((job.oplog as unknown[][][])[0]!.map((l) => l[3])).toEqual([` - INFO: Reserved IP address of node '${master}' (127.0.0.1)`]);
      expect([(await network('local')).map, (await network('local')).external_reservations]).toEqual(['XX.....X', '127.0.0.0, 127.0.0.1, 127.0.0.7']);
      await settled(await call('POST', '/2/networks', { network_name: 'local2', network: '127.0.0.0/29', conflicts_check: false }));
      expect((await network('local2')).map).toBe('X......X');
    });
  });

  describe('when the gateway and IPv6 data are modified', () => {
    it('moves the gateway reservation, sets IPv6 and clears values with "none"', async () => {
      await settled(await call('POST', '/2/networks', { network_name: 'gw', network: '192.168.7.0/29', gateway: '192.168.7.1', mac_prefix: 'aa:bb:cc' }));
      const moved = await settled(await call('PUT', '/2/networks/gw/modify', { gateway: '192.168.7.2', network6: '2001:db8::/64', gateway6: '2001:db8::1' }));
      expect(moved.status).toBe('success');
      let n = await network('gw');
      expect([n.gateway, n.map, n.network6, n.gateway6]).toEqual(['192.168.7.2', 'X.X....X', '2001:db8::/64', '2001:db8::1']);
      await settled(await call('PUT', '/2/networks/gw/modify', { gateway: 'none', mac_prefix: 'none', gateway6: 'none' }));
      n = await network('gw');
      expect([n.gateway, n.mac_prefix, n.gateway6, n.map]).toEqual([null, null, null, 'X......X']);
    });

    it('fails the job for a gateway already reserved and warns about no-op reservations', async () => {
      await settled(await call('PUT', '/2/networks/gw/modify', { add_reserved_ips: ['192.168.7.3'] }));
      const taken = await settled(await call('PUT', '/2/networks/gw/modify', { gateway: '192.168.7.3' }));
      expect(taken.opresult).toEqual([['OpPrereqError', ["Gateway IP address '192.168.7.3' is already reserved.", 'wrong_state']]]);
      const outside = await settled(await call('PUT', '/2/networks/gw/modify', { gateway: '10.5.0.1' }));
      expect(outside.opresult).toEqual([['AddressPoolError', ['192.168.7.0/29 does not contain 10.5.0.1']]]);
      const noop = await settled(await call('PUT', '/2/networks/gw/modify', { add_reserved_ips: ['192.168.7.3'], remove_reserved_ips: ['192.168.7.4'] }));
      expect((noop.oplog as unknown[][][])[0]!.map((l) => l[3])).toEqual([' - WARNING: IP address 192.168.7.3 is already reserved', ' - WARNING: IP address 192.168.7.4 is already unreserved']);
    });
  });

  describe('when an instance NIC uses a network', () => {
    it('refuses to disconnect the group while the NIC is on it', async () => {
      await settled(await call('POST', '/2/networks', { network_name: 'used', network: '10.3.0.0/24' }));
      await settled(await call('PUT', '/2/networks/used/connect', { group_name: 'default', network_mode: 'routed', network_link: 'rt1' }));
      const config = server.container.get<ConfigStore>(ConfigStore);
      const snapshot = await config.snapshot();
      const now = Date.now() / 1000;
      const net = snapshot.findByName('network', 'used')!;
      const instance = {
        uuid: 'i-uuid', serial_no: 1, ctime: now, mtime: now, tags: [], name: 'inst1', primary_node: snapshot.list('node')[0]!.uuid, secondary_nodes: [],
        os: 'noop+default', hypervisor: 'fake', disk_template: 'diskless', disks: [],
        nics: [{ uuid: 'n1', name: null, mac: 'aa:00:00:00:00:01', ip: '10.3.0.9', network: net.uuid, nicparams: {} }],
        beparams: {}, hvparams: {}, osparams: {}, osparams_private: {}, admin_state: 'down', admin_state_source: 'admin', network_port: null, oper_state: false, oper_ram: null, oper_vcpus: null,
      } as Instance;
      await config.commit({ put: [{ kind: 'instance', object: instance }] });
      const job = await settled(await call('PUT', '/2/networks/used/disconnect', { group_name: 'default' }));
      expect(job.opresult).toEqual([['OpPrereqError', ['Conflicting IP addresses found;  Remove/modify the corresponding network interfaces', 'wrong_state']]]);
      expect((await network('used')).inst_list).toEqual(['inst1']);
    });

    it('refuses to delete a network a NIC is on, even when no group is connected', async () => {
      await settled(await call('POST', '/2/networks', { network_name: 'orphan', network: '10.4.0.0/24' }));
      const config = server.container.get<ConfigStore>(ConfigStore);
      const snapshot = await config.snapshot();
      const inst = snapshot.findByName('instance', 'inst1')!;
      const orphan = snapshot.findByName('network', 'orphan')!;
      await config.commit({ put: [{ kind: 'instance', object: { ...inst, nics: [{ ...inst.nics[0]!, network: orphan.uuid }] } }] });
      const job = await settled(await call('DELETE', '/2/networks/orphan'));
      expect(job.opresult).toEqual([['OpPrereqError', ['Network still in use by instances', 'wrong_state']]]);
      expect((job.oplog as unknown[][][])[0]![0]![3]).toBe(" - WARNING: Network 'orphan' is used by the following instances: inst1");
    });
  });

  describe('when the network does not exist', () => {
    it.each(['/2/networks/nosuch', '/2/networks/nosuch/tags'])('GET %s is a 404', async (path) => {
      expect((await call('GET', path)).text).toBe(NOT_FOUND);
    });
  });
});
