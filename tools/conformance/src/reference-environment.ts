import { ContainerModule } from 'inversify';
import { AddressProbe, HostResolver } from '@corral/opcodes';
import { MemoryLogger, parseInitOptions, runInitCommand } from '@corral/rapi-server';
import type { Credentials } from './request-script';
import { sendScript } from './send-script';

/**
 * The reference's `gnt-cluster init` (README of ../shared/reference/ganeti-3.0)
 * as `corral-rapi init` flags. The file storage directory is not copied:
 * Corral keeps its storage inside its data directory, and /srv/ganeti is the
 * live reference's own.
 */
export const REFERENCE_INIT_FLAGS: readonly string[] = [
  '--cluster-name', 'cluster.example.com',
  '--master-node', 'node1.example.com',
  '--enabled-hypervisors', 'fake',
  '--enabled-disk-templates', 'file,diskless',
  '--master-netdev', 'gntbr0',
  '--nic-parameters', 'mode=bridged,link=gntbr0',
  // gnt-cluster init's default when htools is installed; Corral runs hail through its iallocator-script plugin.
  '--default-iallocator', 'hail',
];

/** The reference's second node, added after init (its job 2). */
export const REFERENCE_SECOND_NODE = 'node2.example.com';

/** Initialises a fresh data directory as the reference cluster was initialised. */
export async function initReferenceCluster(dataDir: string): Promise<void> {
  await runInitCommand(parseInitOptions([...REFERENCE_INIT_FLAGS, '--data-dir', dataDir]), new MemoryLogger());
}

/**
 * Replays what happened on the reference between init and its first sample
 * request, so that job ids line up: job 1 (the reference's
 * OP_CLUSTER_POST_INIT; here a configuration redistribution, which changes
 * nothing) and job 2 (`gnt-node add node2.example.com`; here a local node).
 * The sample `GET /2/os` then submits job 3 on both sides.
 */
export async function addReferenceHistory(url: string, credentials: Credentials): Promise<void> {
  const responses = await sendScript(
    url,
    [
      { name: 'job-1', method: 'PUT', path: '/2/redistribute-config', auth: 'write', authMode: 'require' },
      { name: 'job-2', method: 'POST', path: '/corral/nodes', auth: 'write', authMode: 'require', body: JSON.stringify({ name: REFERENCE_SECOND_NODE, local: true }) },
      { name: 'wait-1', method: 'GET', path: '/2/jobs/1', auth: 'write', authMode: 'require', waitForJob: true },
      { name: 'wait-2', method: 'GET', path: '/2/jobs/2', auth: 'write', authMode: 'require', waitForJob: true },
    ],
    credentials,
  );
  const [first, second, ...finals] = responses;
  if (first!.body.trim() !== '1' || second!.body.trim() !== '2')
    throw new Error(`Setting up the reference environment: expected jobs 1 and 2, got ${first!.status} ${first!.body.trim()} and ${second!.status} ${second!.body.trim()}`);
  for (const r of finals) {
    const status = (JSON.parse(r.body) as { status?: string }).status;
    if (status !== 'success') throw new Error(`Setting up the reference environment: job ${r.name} ended ${status}: ${r.body.slice(0, 300)}`);
  }
}

/** The reference's /etc/netns/ganref/hosts: what its name checks resolve. */
export const REFERENCE_HOSTS: Readonly<Record<string, string>> = {
  'cluster.example.com': '198.18.0.10',
  'node1.example.com': '198.18.0.11',
  'node2.example.com': '198.18.0.12',
  'inst1.example.com': '198.18.0.101',
  'inst2.example.com': '198.18.0.102',
  'inst3.example.com': '198.18.0.103',
  'inst4.example.com': '198.18.0.104',
  'inst5.example.com': '198.18.0.105',
};

/**
 * Name resolution as inside the reference's network namespace (its hosts
 * file; other names fail like DNS would), and no address in use, so that
 * `name_check` and `ip_check` answer as they did there.
 */
export const referenceNetworkModule = new ContainerModule(({ rebind }) => {
  void rebind(HostResolver).then((b) =>
    b.toConstantValue(async (name: string): Promise<string> => {
      const address = REFERENCE_HOSTS[name];
      if (address === undefined) throw new Error(`getaddrinfo ENOTFOUND ${name}`);
      return address;
    }),
  );
  void rebind(AddressProbe).then((b) => b.toConstantValue(async (): Promise<boolean> => false));
});
