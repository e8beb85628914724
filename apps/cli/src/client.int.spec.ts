import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RapiClient, RapiConnectionError, RapiError, streamJobLog, waitForJob } from '@corral/client';
import { startTestServer, type TestServer } from '@corral/rapi-server';

describe('RapiClient against the real server', () => {
  let server: TestServer;
  let port: number;
  let user: string;
  let password: string;

  beforeAll(async () => {
    server = await startTestServer();
    port = server.http.port;
    [user, password] = server.writeAuth.split(':');
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when verifying TLS with the server certificate as CA', () => {
    it('reads /version, /2/features and /2/info', async () => {
      const client = new RapiClient({ host: '127.0.0.1', port, username: user, password, ca: readFileSync(join(server.dataDir, 'rapi.pem')) });
      try {
        expect(await client.getVersion()).toBe(2);
        expect(await client.getFeatures()).toEqual(['instance-create-reqv1', 'instance-reinstall-reqv1', 'node-migrate-reqv1', 'node-evac-res1']);
        const info = await client.getInfo();
        expect(info.name).toBe('corral.local');
        expect(info.enabled_hypervisors).toEqual(['fake']);
      } finally {
        client.close();
      }
    });
  });

  describe('when no CA is given and insecure is not set', () => {
    it('refuses the self-signed certificate with a connection error', async () => {
      const client = new RapiClient({ host: '127.0.0.1', port });
      await expect(client.getVersion()).rejects.toBeInstanceOf(RapiConnectionError);
      await expect(client.getVersion()).rejects.toThrow(/self-signed certificate/);
      client.close();
    });
  });

  describe('when the server answers with an error', () => {
    it('raises RapiError carrying code, message and explain', async () => {
      const client = new RapiClient({ host: '127.0.0.1', port, insecure: true });
      const error = await client.request({ method: 'GET', path: '/2/nosuch' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RapiError);
      expect(error).toMatchObject({ code: 404, message: 'Not Found', explain: 'Nothing matches the given URI' });
      const notImplemented = await client.request({ method: 'DELETE', path: '/2/info' }).catch((e: unknown) => e);
      expect(notImplemented).toMatchObject({ code: 501, message: 'Method DELETE is unsupported for path /2/info' });
      client.close();
    });
  });

  describe('when nothing listens on the port', () => {
    it('raises RapiConnectionError', async () => {
      const client = new RapiClient({ host: '127.0.0.1', port: 1, insecure: true, timeoutMs: 2000 });
      await expect(client.getVersion()).rejects.toBeInstanceOf(RapiConnectionError);
      client.close();
    });
  });
});

describe('RapiClient job helpers against the real server', () => {
  let server: TestServer;
  let client: RapiClient;

  beforeAll(async () => {
    server = await startTestServer();
    const [username, password] = server.writeAuth.split(':');
    client = new RapiClient({ host: '127.0.0.1', port: server.http.port, username, password, insecure: true });
  });
  afterAll(async () => {
    client.close();
    await server.stop();
  });

  describe('when a tag job is submitted and followed', () => {
    it('returns a bare integer id and follows the job to success through /wait', async () => {
      const id = await client.addClusterTags(['env:test', 'rack/1']);
      expect(Number.isInteger(id)).toBe(true);
      const statuses: string[] = [];
      const info = await waitForJob(client, id, { onStatus: (s) => statuses.push(s) });
      expect(info.status).toBe('success');
      expect(info.summary).toEqual(['TAGS_SET']);
      expect(statuses[statuses.length - 1]).toBe('success');
      expect(await client.getClusterTags()).toEqual(['env:test', 'rack/1']);
    });

    it('streams the log entries of a job that writes some, then returns the final job', async () => {
      const id = await client.redistributeConfig();
      const entries = [];
      const stream = streamJobLog(client, id);
      let result = await stream.next();
      while (!result.done) {
        entries.push(result.value);
        result = await stream.next();
      }
      expect(result.value.status).toBe('success');
      expect(entries.map((e) => [e[0], e[2], e[3]])).toEqual([[1, 'message', 'Configuration redistributed to 1 node(s)']]);
    });

    it('reports a failed job with its Ganeti error result', async () => {
      const id = await client.addInstanceTags('nosuch.example.com', ['a']);
      const info = await waitForJob(client, id);
      expect(info.status).toBe('error');
      expect(info.opresult[0]).toEqual(['OpPrereqError', ["Instance 'nosuch.example.com' not known", 'unknown_entity']]);
    });
  });

  describe('when the user may not call /wait', () => {
    it('falls back to polling the job', async () => {
      const id = await client.addClusterTags(['polled']);
      const anonymous = new RapiClient({ host: '127.0.0.1', port: server.http.port, insecure: true });
      try {
        const info = await waitForJob(anonymous, id, { pollIntervalMs: 20 });
        expect(info.status).toBe('success');
      } finally {
        anonymous.close();
      }
    });
  });
});
