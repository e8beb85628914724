import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { sendRequest } from '@corral/testing';
import { startTestServer, type TestServer } from './testing/start-test-server';

const NOT_FOUND = '{"code": 404, "message": "Not Found", "explain": "Nothing matches the given URI"}\n';

describe('rapi-server on the embedded default', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when asked for the root resources', () => {
    it('answers /version with the bare integer 2 and JSON headers', async () => {
      const res = await sendRequest(`${server.url}/version`);
      expect(res.status).toBe(200);
      expect(res.text).toBe('2\n');
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers['content-length']).toBe('2');
      expect(res.headers['server']).toBe('Corral/0.1.0 (Ganeti 3.0.2)');
    });

    it('lists / as name/uri items', async () => {
      const res = await sendRequest(`${server.url}/`);
      expect(res.text).toBe('[{"name": "2", "uri": "/2"}, {"name": "version", "uri": "/version"}]\n');
    });

    it('lists the version 2 resources under /2', async () => {
      const res = await sendRequest(`${server.url}/2`);
      expect(res.json).toEqual(
        ['features', 'filters', 'groups', 'info', 'instances', 'jobs', 'networks', 'nodes', 'os', 'query', 'tags'].map((name) => ({
          name,
          uri: `/2/${name}`,
        })),
      );
    });

    it('answers /2/features with the Ganeti 3.0 feature list', async () => {
      const res = await sendRequest(`${server.url}/2/features`);
      expect(res.text).toBe('["instance-create-reqv1", "instance-reinstall-reqv1", "node-migrate-reqv1", "node-evac-res1"]\n');
    });
  });

  describe('when asked for /2/info', () => {
    it('returns the Ganeti 3.0 key set in order, from the store', async () => {
      const res = await sendRequest(`${server.url}/2/info`);
      expect(res.status).toBe(200);
      const info = res.json as Record<string, unknown>;
      expect(Object.keys(info)).toEqual([
        'software_version', 'protocol_version', 'config_version', 'os_api_version', 'export_version', 'vcs_version',
        'architecture', 'name', 'master', 'default_hypervisor', 'enabled_hypervisors', 'hvparams', 'os_hvp', 'beparams',
        'osparams', 'ipolicy', 'nicparams', 'ndparams', 'diskparams', 'candidate_pool_size', 'max_running_jobs',
        'max_tracked_jobs', 'mac_prefix', 'master_netdev', 'master_netmask', 'use_external_mip_script',
        'volume_group_name', 'drbd_usermode_helper', 'file_storage_dir', 'shared_file_storage_dir',
        'gluster_storage_dir', 'maintain_node_health', 'ctime', 'mtime', 'uuid', 'tags', 'uid_pool',
        'default_iallocator', 'default_iallocator_params', 'reserved_lvs', 'primary_ip_version',
        'prealloc_wipe_disks', 'hidden_os', 'blacklisted_os', 'enabled_disk_templates', 'install_image',
        'instance_communication_network', 'zeroing_image', 'compression_tools', 'enabled_user_shutdown',
        'enabled_data_collectors', 'data_collector_interval', 'modify_ssh_setup', 'ssh_key_type', 'ssh_key_bits',
        'vg_name', 'drbd_helper',
      ]);
      expect(info.name).toBe('corral.local');
      expect(info.enabled_hypervisors).toEqual(['fake']);
      expect(info.enabled_disk_templates).toEqual(['file', 'diskless']);
      expect(info.file_storage_dir).toBe(join(server.dataDir, 'file-storage'));
      expect(info.beparams).toEqual({
        default: { minmem: 128, maxmem: 128, vcpus: 1, auto_balance: true, always_failover: false, spindle_use: 1 },
      });
      expect(info.hvparams).toHaveProperty('fake', { migration_mode: 'live' });
      expect(info.vg_name).toBeNull();
      expect(info.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    });
  });

  describe('when the path or method is unknown', () => {
    it.each(['/nope', '/2/', '/2/info/', '//2/info', '/2/doesnotexist', '/2/info%2F'])('answers %s with Ganeti\'s 404 body', async (path) => {
      const res = await sendRequest(`${server.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.text).toBe(NOT_FOUND);
      expect(res.headers['content-type']).toBe('application/json');
    });

    it.each(['DELETE', 'OPTIONS', 'PATCH'])('answers %s /2/info with 501 naming the method and path', async (method) => {
      const res = await sendRequest(`${server.url}/2/info`, { method, auth: server.writeAuth });
      expect(res.status).toBe(501);
      expect(res.json).toEqual({
        code: 501,
        message: `Method ${method} is unsupported for path /2/info`,
        explain: 'Server does not support this operation',
      });
    });
  });

  describe('when started for the first time', () => {
    it('writes a users file holding one write user as an HA1 hash', () => {
      const [user, password] = server.writeAuth.split(':');
      const text = readFileSync(join(server.dataDir, 'rapi', 'users'), 'utf8');
      const line = text.split('\n').find((l) => l.startsWith(`${user} `))!;
      expect(line).toMatch(/^corral \{HA1\}[0-9a-f]{32} write$/);
      expect(text).not.toContain(password);
    });

    it('serves a generated self-signed certificate from the data directory', () => {
      const pem = readFileSync(join(server.dataDir, 'rapi.pem'), 'utf8');
      expect(pem).toContain('-----BEGIN PRIVATE KEY-----');
      const cert = new X509Certificate(pem);
      expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    });
  });
});

describe('rapi-server restarted on the same data directory', () => {
  it('keeps the cluster uuid, the certificate and the users file', async () => {
    const first = await startTestServer();
    const infoBefore = (await sendRequest(`${first.url}/2/info`)).json as { uuid: string };
    const pemBefore = readFileSync(join(first.dataDir, 'rapi.pem'), 'utf8');
    const usersBefore = readFileSync(join(first.dataDir, 'rapi', 'users'), 'utf8');
    await first.close();

    const second = await startTestServer({ dataDir: first.dataDir });
    try {
      const infoAfter = (await sendRequest(`${second.url}/2/info`)).json as { uuid: string };
      expect(infoAfter.uuid).toBe(infoBefore.uuid);
      expect(readFileSync(join(first.dataDir, 'rapi.pem'), 'utf8')).toBe(pemBefore);
      expect(readFileSync(join(first.dataDir, 'rapi', 'users'), 'utf8')).toBe(usersBefore);
      expect(second.generatedCredentials).toBeUndefined();
    } finally {
      await second.close();
      await first.stop();
    }
  });
});

describe('rapi-server without TLS', () => {
  it('answers plain HTTP with the same bytes and headers as HTTPS', async () => {
    const tls = await startTestServer();
    const plain = await startTestServer({ dataDir: tls.dataDir, ssl: false });
    try {
      for (const path of ['/2/info', '/version', '/nope']) {
        const a = await sendRequest(`${tls.url}${path}`);
        const b = await sendRequest(`${plain.url}${path}`);
        expect(b.status).toBe(a.status);
        expect(b.raw.equals(a.raw)).toBe(true);
        const strip = (h: Record<string, unknown>): Record<string, unknown> => ({ ...h, date: undefined });
        expect(strip(b.headers)).toEqual(strip(a.headers));
      }
    } finally {
      await plain.close();
      await tls.stop();
    }
  });
});
