import { sendRequest } from '@corral/testing';
import { startBuiltServer } from './built-server';
import { seedDataDir, type SeededDataDir } from './seeded-data-dir';

describe('seedDataDir', () => {
  describe('when asked for a small cluster', () => {
    let seeded: SeededDataDir;

    beforeAll(async () => {
      seeded = await seedDataDir({ nodes: 3, instances: 4, archivedJobs: 2 });
    });
    afterAll(() => seeded.remove());

    it('gives a data directory the built server starts on, with the generated write user', async () => {
      const server = await startBuiltServer(seeded.dataDir);
      try {
        expect(server.generatedAuth).toBeUndefined();
        const seededJob = (await sendRequest(`${server.url}/2/jobs/2`)).json as Record<string, unknown>;
        const tag = await sendRequest(`${server.url}/2/tags?tag=seeded`, { method: 'PUT', auth: seeded.auth });
        // the seeded jobs are 1 and 2: the new one continues the serial
        expect([seededJob.status, tag.status, tag.json]).toEqual(['success', 200, 3]);
      } finally {
        await server.stop();
      }
    });

    it('reports the seeding', () => {
      expect([seeded.seed.nodesAdded, seeded.seed.instancesAdded, seeded.seed.archivedJobsAdded]).toEqual([2, 4, 2]);
    });
  });
});
