import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RapiClient, RapiConnectionError, RapiError } from '@corral/client';
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
