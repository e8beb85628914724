import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer } from '@corral/rapi-server';
import { makeTempDir, sendRequest, type TempDir } from '@corral/testing';
import { DATABASE_FILE, jobsMigration, openSqliteDatabase, SqliteConfigStore, SqliteJobStore, type ConfigSnapshot, type StoredJob } from '@corral/store';
import { seedCluster, seededInstanceName, seededNodeName, type ClusterSeedResult } from './cluster-seeder';

describe('seedCluster', () => {
  describe('when the data directory was initialised by a server start', () => {
    let dir: TempDir;
    let result: ClusterSeedResult;
    let snapshot: ConfigSnapshot;
    let jobs: StoredJob[];

    beforeAll(async () => {
      dir = makeTempDir('corral-seeder-');
      await (await startTestServer({ dataDir: dir.path })).stop();
      result = await seedCluster(dir.path, { nodes: 5, instances: 12, archivedJobs: 7 });
      const db = openSqliteDatabase(join(dir.path, DATABASE_FILE), [jobsMigration]);
      try {
        const config = new SqliteConfigStore(db);
        snapshot = await config.snapshot();
        jobs = await new SqliteJobStore(db, config).loadAll();
      } finally {
        db.close();
      }
    });
    afterAll(() => dir.remove());

    it('reports what it added', () => {
      expect([result.nodesAdded, result.instancesAdded, result.archivedJobsAdded]).toEqual([4, 12, 7]);
    });

    it('leaves the requested number of nodes, all in the master group', () => {
      const nodes = snapshot.list('node');
      expect([nodes.length, new Set(nodes.map((n) => n.group)).size]).toEqual([5, 1]);
      expect(nodes.filter((n) => n.name.startsWith('bench-')).map((n) => n.name).sort()).toEqual([1, 2, 3, 4].map(seededNodeName));
    });

    it('stores the instances with their primaries spread round-robin over the nodes', () => {
      const instances = snapshot.list('instance');
      expect(instances.map((i) => i.name).sort()).toEqual(Array.from({ length: 12 }, (_, k) => seededInstanceName(k)));
      const perNode = snapshot.list('node').map((n) => instances.filter((i) => i.primary_node === n.uuid).length);
      expect(perNode.sort()).toEqual([2, 2, 2, 3, 3]);
    });

    it('makes two thirds of the instances run on their primary node, admin-up, and the rest admin-down', () => {
      const instances = snapshot.list('instance');
      const running = snapshot.list('node').flatMap((n) => readdirSync(join(n.node_dir, 'run', 'fake-hypervisor')));
      expect(running.sort()).toEqual([0, 1, 3, 4, 6, 7, 9, 10].map(seededInstanceName));
      expect(instances.filter((i) => i.admin_state === 'up').length).toBe(8);
      const first = instances.find((i) => i.name === seededInstanceName(0))!;
      const node = snapshot.get('node', first.primary_node)!;
      expect(readFileSync(join(node.node_dir, 'run', 'fake-hypervisor', first.name), 'utf8')).toBe('0\n128\n1\n');
    });

    it('stores the jobs archived, finished, with ids 1..7', () => {
      expect(jobs.map((j) => [j.id, j.archived, (j.data as { ops: { status: string }[] }).ops[0]!.status])).toEqual(
        [1, 2, 3, 4, 5, 6, 7].map((id) => [id, true, 'success']),
      );
    });

    it('gives jobs the server reads back as successful cluster tag jobs', async () => {
      const server = await startTestServer({ dataDir: dir.path });
      try {
        const job = (await sendRequest(`${server.url}/2/jobs/7`)).json as Record<string, unknown>;
        expect([job.id, job.status, job.summary, job.opstatus]).toEqual([7, 'success', ['TAGS_SET'], ['success']]);
      } finally {
        await server.stop();
      }
    });
  });

  describe('when the data directory holds no cluster', () => {
    it('refuses to seed', async () => {
      const dir = makeTempDir('corral-seeder-');
      try {
        await expect(seedCluster(dir.path, { nodes: 2, instances: 1, archivedJobs: 0 })).rejects.toThrow(`${dir.path} holds no cluster: start the server on it once before seeding`);
      } finally {
        dir.remove();
      }
    });
  });
});
