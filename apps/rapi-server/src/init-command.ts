import { parseArgs } from 'node:util';
import type { Logger } from '@corral/contracts';
import { ConfigStore, SqliteDatabase, type SqliteHandle } from '@corral/store';
import { CliUsageError } from './cli-options';
import { createContainer } from './create-container';
import { embeddedClusterOptions, initCluster, type InitClusterOptions } from './init-cluster';
import { resolveSettings } from './resolve-settings';

export const INIT_USAGE = `Usage: corral-rapi init --cluster-name NAME [options]

Initialises a cluster in a fresh data directory (Ganeti's gnt-cluster init),
without starting the server. An already initialised directory is refused.

Options:
      --cluster-name NAME             the cluster's name (required)
      --master-node NAME              the first node, the master (default: this host's name)
      --enabled-hypervisors LIST      comma-separated (default fake)
      --enabled-disk-templates LIST   comma-separated (default file,diskless)
      --vg-name VG                    LVM volume group (needed for plain and drbd)
      --default-iallocator NAME       (default builtin)
      --master-netdev DEV             (default lo)
      --nic-parameters K=V,...        default NIC parameters (mode=bridged|routed|openvswitch, link, vlan)
      --data-dir DIR                  directory holding all state (default ./data)
      --config FILE                   YAML configuration file (for data_dir)
  -h, --help                          show this help and exit
`;

const HYPERVISORS = ['chroot', 'fake', 'kvm', 'lxc', 'xen-hvm', 'xen-pvm'];
const DISK_TEMPLATES = ['blockdev', 'diskless', 'drbd', 'ext', 'file', 'gluster', 'plain', 'rbd', 'sharedfile'];
const NAME = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

/** What `corral-rapi init` was asked for. */
export interface InitCommandOptions {
  readonly help: boolean;
  readonly dataDir?: string;
  readonly configFile?: string;
  readonly cluster: InitClusterOptions;
}

function list(value: string | undefined, fallback: readonly string[], known: readonly string[], what: string): string[] {
  if (value === undefined) return [...fallback];
  const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new CliUsageError(`At least one ${what} must be enabled`);
  const unknown = items.filter((i) => !known.includes(i));
  if (unknown.length > 0) throw new CliUsageError(`Unknown ${what}(s): ${unknown.join(', ')}`);
  return items;
}

const NIC_KEYS = ['mode', 'link', 'vlan'];
const NIC_MODES = ['bridged', 'routed', 'openvswitch'];

/** `mode=bridged,link=br0` as Ganeti's `--nic-parameters` takes it. */
function nicParameters(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of value.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new CliUsageError(`Invalid NIC parameter '${item}': expected key=value`);
    const key = item.slice(0, eq);
    const v = item.slice(eq + 1);
    if (!NIC_KEYS.includes(key)) throw new CliUsageError(`Unknown NIC parameter '${key}' (known: ${NIC_KEYS.join(', ')})`);
    if (key === 'mode' && !NIC_MODES.includes(v)) throw new CliUsageError(`Invalid NIC mode '${v}' (known: ${NIC_MODES.join(', ')})`);
    out[key] = v;
  }
  return out;
}

/** Parses `init`'s flags (pure: argv after `init` in, options out). */
export function parseInitOptions(argv: readonly string[]): InitCommandOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        'cluster-name': { type: 'string' },
        'master-node': { type: 'string' },
        'enabled-hypervisors': { type: 'string' },
        'enabled-disk-templates': { type: 'string' },
        'vg-name': { type: 'string' },
        'default-iallocator': { type: 'string' },
        'master-netdev': { type: 'string' },
        'nic-parameters': { type: 'string' },
        'data-dir': { type: 'string' },
        config: { type: 'string' },
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const v = parsed.values;
  const defaults = embeddedClusterOptions();
  if (v.help) return { help: true, cluster: defaults };
  const clusterName = v['cluster-name'];
  if (!clusterName) throw new CliUsageError('--cluster-name is required');
  const masterNode = v['master-node'] ?? defaults.masterNode;
  for (const name of [clusterName, masterNode]) if (!NAME.test(name)) throw new CliUsageError(`Invalid name '${name}'`);
  const enabledDiskTemplates = list(v['enabled-disk-templates'], defaults.enabledDiskTemplates, DISK_TEMPLATES, 'disk template');
  const volumeGroupName = v['vg-name'] ?? null;
  if (volumeGroupName === null && enabledDiskTemplates.some((t) => t === 'plain' || t === 'drbd')) {
    throw new CliUsageError('The plain and drbd disk templates need --vg-name');
  }
  return {
    help: false,
    dataDir: v['data-dir'],
    configFile: v.config,
    cluster: {
      clusterName,
      masterNode,
      enabledHypervisors: list(v['enabled-hypervisors'], defaults.enabledHypervisors, HYPERVISORS, 'hypervisor'),
      enabledDiskTemplates,
      volumeGroupName,
      defaultIallocator: v['default-iallocator'] ?? defaults.defaultIallocator,
      masterNetdev: v['master-netdev'] ?? defaults.masterNetdev,
      ...(v['nic-parameters'] === undefined ? {} : { nicParameters: nicParameters(v['nic-parameters']) }),
    },
  };
}

/** Runs `corral-rapi init`: opens the data directory's store, initialises the cluster, closes it. */
export async function runInitCommand(options: InitCommandOptions, logger: Logger, cwd: string = process.cwd()): Promise<string> {
  const settings = resolveSettings({ help: false, listPlugins: false, dataDir: options.dataDir, configFile: options.configFile }, cwd);
  const container = await createContainer(settings, logger);
  try {
    await initCluster(container.get<ConfigStore>(ConfigStore), settings.dataDir, options.cluster);
  } finally {
    container.get<SqliteHandle>(SqliteDatabase).close();
  }
  const c = options.cluster;
  return `Initialised cluster ${c.clusterName} with master node ${c.masterNode} in ${settings.dataDir}\n`;
}
