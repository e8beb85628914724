import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runLoad } from './load-driver';

describe('runLoad', () => {
  let url: string;
  let connections = 0;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 2 });
    res.end('2\n');
  });
  server.on('connection', () => connections++);

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/version`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    connections = 0;
  });

  describe('when the request count is reached first', () => {
    it('sends exactly that many requests, all successful', async () => {
      const result = await runLoad({ url, requests: 30, maxDurationMs: 30_000, concurrency: 3, keepAlive: true });
      expect([result.requests, result.errors]).toEqual([30, 0]);
    });
  });

  describe('when keep-alive is on', () => {
    it('opens no more connections than clients', async () => {
      await runLoad({ url, requests: 30, maxDurationMs: 30_000, concurrency: 3, keepAlive: true });
      expect(connections).toBeLessThanOrEqual(3);
    });
  });

  describe('when keep-alive is off', () => {
    it('opens one connection per request', async () => {
      await runLoad({ url, requests: 12, maxDurationMs: 30_000, concurrency: 2, keepAlive: false });
      expect(connections).toBe(12);
    });
  });

  describe('when the target is not loopback', () => {
    it('refuses to run', async () => {
      await expect(runLoad({ url: 'http://192.0.2.1/version', requests: 1, maxDurationMs: 10, concurrency: 1, keepAlive: false })).rejects.toThrow(
        'The bench driver only targets loopback, not 192.0.2.1',
      );
    });
  });
});
