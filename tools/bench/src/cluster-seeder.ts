import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobData } from '@corral/jobs';
import type { Instance, Node } from '@corral/model';
import { DATABASE_FILE, jobsMigration, openSqliteDatabase, SqliteConfigStore, SqliteJobStore } from '@corral/store';

/** How big a cluster to seed: totals, the existing master node and its jobs included. */
export interface ClusterSeedSpec {
  /** Nodes in the cluster after seeding (the master counts as one; at least 1). */
  readonly nodes: number;
  /** Instances to add, spread round-robin over all nodes as primaries. */
  readonly instances: number;
  /** Finished, archived jobs to add after the jobs already stored. */
  readonly archivedJobs: number;
}

/** What the seeding wrote. */
export interface ClusterSeedResult {
  readonly nodesAdded: number;
  readonly instancesAdded: number;
  readonly archivedJobsAdded: number;
  readonly elapsedMs: number;
}

/** Jobs handed to the job store per transaction (its group commit makes each batch one fsync). */
const JOB_BATCH = 5000;

/** Name of the k-th seeded node (1-based; node 0 is the master). */
export function seededNodeName(k: number): string {
  return `bench-node${String(k).padStart(3, '0')}.corral.local`;
}

/** Name of the k-th seeded instance (0-based). */
export function seededInstanceName(k: number): string {
  return `bench-inst${String(k).padStart(5, '0')}.corral.local`;
}

/** A MAC address in the locally administered range, unique per k (up to 2^24). */
export function seededMac(k: number): string {
  const hex = k.toString(16).padStart(6, '0');
  return `aa:00:00:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`;
}

function seededNode(k: number, group: string, dataDir: string, now: number): Node {
  const name = seededNodeName(k);
  const nodeDir = join(dataDir, 'nodes', name);
  for (const dir of [join(nodeDir, 'run', 'fake-hypervisor'), join(nodeDir, 'file-storage')]) mkdirSync(dir, { recursive: true });
  return {
    uuid: randomUUID(),
    serial_no: 1,
    ctime: now,
    mtime: now,
    tags: [],
    name,
    primary_ip: '127.0.0.1',
    secondary_ip: '127.0.0.1',
    master_candidate: k < 10,
    offline: false,
    drained: false,
    master_capable: true,
    vm_capable: true,
    group,
    ndparams: {},
    powered: true,
    node_dir: nodeDir,
  };
}

/** Memory (MiB) of every seeded instance, as its beparams and its running state say. */
const SEEDED_MEMORY = 128;

/** Whether the k-th seeded instance runs: two thirds do, the rest are administratively down. */
export function seededInstanceRuns(k: number): boolean {
  return k % 3 !== 2;
}

function seededInstance(k: number, node: Node, now: number): Instance {
  const name = seededInstanceName(k);
  const up = seededInstanceRuns(k);
  // A running instance is one the node's fake hypervisor reports: its state file `id\nmemory\nvcpus\n`.
  if (up) writeFileSync(join(node.node_dir, 'run', 'fake-hypervisor', name), `0\n${SEEDED_MEMORY}\n1\n`);
  return {
    uuid: randomUUID(),
    serial_no: 1,
    ctime: now,
    mtime: now,
    tags: [],
    name,
    primary_node: node.uuid,
    secondary_nodes: [],
    os: 'noop+default',
    hypervisor: 'fake',
    disk_template: 'file',
    disks: [
      {
        uuid: randomUUID(),
        name: null,
        size: 1024,
        spindles: null,
        mode: 'rw',
        dev_type: 'file',
        logical_id: ['loop', join(node.node_dir, 'file-storage', name, 'disk0')],
        params: {},
      },
    ],
    nics: [{ uuid: randomUUID(), name: null, mac: seededMac(k), ip: null, network: null, nicparams: {} }],
    beparams: { maxmem: SEEDED_MEMORY, minmem: SEEDED_MEMORY },
    hvparams: {},
    osparams: {},
    osparams_private: {},
    admin_state: up ? 'up' : 'down',
    admin_state_source: 'admin',
    network_port: null,
    oper_state: false,
    oper_ram: null,
    oper_vcpus: null,
  };
}

/** A finished one-opcode cluster tag job, as the job queue stores it. */
function archivedTagJob(id: number, endMs: number): JobData {
  const ts = (ms: number): [number, number] => [Math.floor(ms / 1000), Math.round((ms % 1000) * 1000)];
  const received = ts(endMs - 30);
  const start = ts(endMs - 20);
  const exec = ts(endMs - 10);
  const end = ts(endMs);
  return {
    id,
    ops: [
      {
        input: {
          OP_ID: 'OP_TAGS_SET',
          kind: 'cluster',
          name: null,
          tags: [`seed${id % 100}`],
          dry_run: false,
          debug_level: 0,
          priority: 0,
          depends: null,
          comment: null,
          reason: [['gnt:opcode:tags_set', `job=${id};index=0`, received[0] * 1e9 + received[1] * 1e3]],
        },
        status: 'success',
        result: null,
        log: [],
        start_timestamp: start,
        exec_timestamp: exec,
        end_timestamp: end,
      },
    ],
    received_ts: received,
    start_ts: start,
    end_ts: end,
    log_serial: 0,
  };
}

/**
 * Grows the cluster of an initialised data directory (one the server has
 * started on once, so it holds the cluster, its group and the master node)
 * through the store's own classes, with the server stopped: `nodes - 1`
 * more local nodes in the master's group, `instances` instances (one file
 * disk, one NIC, 128 MiB) whose primaries go round-robin over all nodes,
 * two thirds of them running (a state file in their node's fake hypervisor
 * directory, as the hypervisor plugin writes it), and
 * `archivedJobs` finished cluster tag jobs, archived, after the highest
 * stored job id. Used by the benchmarks (b) and (e) alike.
 */
export async function seedCluster(dataDir: string, spec: ClusterSeedSpec): Promise<ClusterSeedResult> {
  const t0 = performance.now();
  const db = openSqliteDatabase(join(dataDir, DATABASE_FILE), [jobsMigration]);
  try {
    const config = new SqliteConfigStore(db);
    const before = await config.snapshot();
    const cluster = before.list('cluster')[0];
    if (!cluster) throw new Error(`${dataDir} holds no cluster: start the server on it once before seeding`);
    const master = before.findByName('node', cluster.master)!;
    mkdirSync(join(master.node_dir, 'run', 'fake-hypervisor'), { recursive: true });
    const existing = before.list('node').length;
    const now = Date.now() / 1000;
    const newNodes = Array.from({ length: Math.max(0, spec.nodes - existing) }, (_, i) => seededNode(existing + i, master.group, dataDir, now));
    const nodes = [...before.list('node'), ...newNodes];
    const instances = Array.from({ length: spec.instances }, (_, k) => seededInstance(k, nodes[k % nodes.length]!, now));
    await config.commit({
      put: [...newNodes.map((object) => ({ kind: 'node' as const, object })), ...instances.map((object) => ({ kind: 'instance' as const, object }))],
    });

    const jobs = new SqliteJobStore(db, config);
    const firstId = (await jobs.maxId()) + 1;
    const endMs = Date.now() - 7 * 3600 * 1000;
    for (let offset = 0; offset < spec.archivedJobs; offset += JOB_BATCH) {
      const count = Math.min(JOB_BATCH, spec.archivedJobs - offset);
      const saves = Array.from({ length: count }, (_, i) => {
        const id = firstId + offset + i;
        return jobs.save({ id, archived: true, data: archivedTagJob(id, endMs - (spec.archivedJobs - id) * 50) });
      });
      await Promise.all(saves);
    }
    return { nodesAdded: newNodes.length, instancesAdded: instances.length, archivedJobsAdded: spec.archivedJobs, elapsedMs: performance.now() - t0 };
  } finally {
    db.close();
  }
}
