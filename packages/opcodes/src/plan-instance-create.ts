import { randomBytes, randomUUID } from 'node:crypto';
import { PluginError, type IallocatorAllocateSpec } from '@corral/contracts';
import {
  AddressPool,
  effectiveBeparams,
  effectiveIpolicy,
  fillParams,
  ipolicyViolations,
  GanetiError,
  type Cluster,
  type Disk,
  type Instance,
  type Network,
  type Nic,
  type Node,
} from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import { checkNodeFreeMemory } from './check-node-free-memory';
import { diskTemplateStorage, INTERNALLY_MIRRORED_TEMPLATES } from './disk-template-storage';
import { buildIallocatorInput } from './iallocator-input';
import { checkCreateInput, type CreateInput, type NicInput } from './instance-create-input';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import { gatherNodeFigures } from './node-figures';
import type { OpContext } from './op-context';
import type { OpInput } from './opcode-definition';

/** Everything a creation will do, decided before anything is touched. */
export interface CreatePlan {
  readonly instance: Instance;
  readonly primary: Node;
  readonly secondary: Node | null;
  readonly storageType: string | null;
  readonly start: boolean;
  readonly install: boolean;
  /** Networks whose address bitmaps change (pool or literal addresses). */
  readonly networks: readonly Network[];
}

const wrongInput = (message: string): GanetiError => GanetiError.prereq(message, 'wrong_input');

function findNode(snapshot: ConfigSnapshot, name: string): Node {
  const node = snapshot.findByName('node', name) ?? snapshot.get('node', name);
  if (!node) throw GanetiError.prereq(`Node '${name}' not known`, 'unknown_entity');
  return node;
}

function checkUsable(node: Node, role: 'primary' | 'secondary'): void {
  if (node.offline) throw GanetiError.prereq(`Cannot use offline ${role} node '${node.name}'`, 'wrong_state');
  if (node.drained) throw GanetiError.prereq(`Cannot use drained ${role} node '${node.name}'`, 'wrong_state');
  if (!node.vm_capable) throw GanetiError.prereq(`Cannot use non-vm_capable ${role} node '${node.name}'`, 'wrong_state');
}

/** The allocate request of one instance (also an element of multi-allocate). */
export function allocateSpec(cluster: Cluster, op: OpInput, input: CreateInput, hypervisor: string): IallocatorAllocateSpec {
  const be = effectiveBeparams(cluster, { beparams: input.beparams });
  const template = String(op.disk_template);
  return {
    name: String(op.instance_name),
    disk_template: template,
    group_name: (op.group_name as string | null) ?? null,
    tags: [...((op.tags as string[]) ?? [])],
    os: String(op.os_type ?? ''),
    vcpus: Number(be.vcpus),
    memory: Number(be.maxmem),
    spindle_use: Number(be.spindle_use),
    disks: input.disks.map((d) => ({ size: d.size, mode: d.mode, spindles: d.spindles })),
    disk_space_total: input.disks.reduce((s, d) => s + d.size, 0),
    nics: input.nics.map((n) => ({ mac: n.mac, ip: n.ip === 'auto' || n.ip === 'pool' ? null : n.ip, mode: n.nicparams.mode as string | undefined, link: n.nicparams.link as string | undefined, bridge: null })),
    required_nodes: INTERNALLY_MIRRORED_TEMPLATES.includes(template) ? 2 : 1,
    hypervisor,
  };
}

/** Runs a named allocator for one instance; Ganeti's errors when it cannot place it. */
async function allocate(deps: InstanceOpcodeDeps, ctx: OpContext, name: string, spec: IallocatorAllocateSpec, storageType: string | null): Promise<string[]> {
  let allocator;
  try {
    allocator = deps.plugins.iallocator(name);
  } catch (error) {
    throw wrongInput(PluginError.is(error) ? error.message : String(error));
  }
  const figures = await gatherNodeFigures(deps.runner, ctx.snapshot.list('node'), spec.hypervisor, storageType);
  const input = buildIallocatorInput(ctx.snapshot, figures, { type: 'allocate', ...spec });
  let response;
  try {
    response = await allocator.run(input);
  } catch (error) {
    throw GanetiError.prereq(`Can't compute nodes using iallocator '${name}': ${error instanceof Error ? error.message : String(error)}`, 'insufficient_resources');
  }
  if (!response.success) throw GanetiError.prereq(`Can't compute nodes using iallocator '${name}': ${response.info}`, 'insufficient_resources');
  const nodes = response.result;
  if (!Array.isArray(nodes) || nodes.length !== spec.required_nodes || !nodes.every((n) => typeof n === 'string')) {
    throw GanetiError.prereq(`iallocator '${name}' returned invalid number of nodes (${Array.isArray(nodes) ? nodes.length : 0}), required ${spec.required_nodes}`, 'internal_error');
  }
  ctx.feedback(` - INFO: Selected nodes for instance ${spec.name} via iallocator ${name}: ${(nodes as string[]).join(', ')}`);
  return nodes as string[];
}

function generateMac(prefix: string, used: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const mac = `${prefix}:${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
    if (!used.has(mac)) return mac;
  }
  throw GanetiError.prereq('Cannot generate a unique MAC address', 'insufficient_resources');
}

function buildNics(snapshot: ConfigSnapshot, cluster: Cluster, primary: Node, nics: readonly NicInput[], resolvedIp: string | null, conflictsCheck: boolean): { nics: Nic[]; networks: Network[] } {
  const usedMacs = new Set(snapshot.list('instance').flatMap((i) => i.nics.map((n) => n.mac)));
  const pools = new Map<string, { network: Network; pool: AddressPool }>();
  const group = snapshot.get('nodegroup', primary.group);
  const result: Nic[] = [];
  for (const nic of nics) {
    let network: Network | null = null;
    if (nic.network !== null) {
      network = snapshot.findByName('network', nic.network) ?? snapshot.get('network', nic.network) ?? null;
      if (!network) throw GanetiError.prereq(`Network '${nic.network}' not found`, 'unknown_entity');
    }
    let entry = network ? pools.get(network.uuid) : undefined;
    if (network && !entry) {
      entry = { network, pool: new AddressPool(network) };
      pools.set(network.uuid, entry);
    }
    let ip = nic.ip === 'auto' ? resolvedIp : nic.ip;
    if (ip === 'pool') {
      ip = entry!.pool.generateFree();
      entry!.pool.reserve(ip);
    } else if (ip !== null && entry) {
      if (entry.pool.contains(ip)) {
        if (conflictsCheck || !entry.pool.isReserved(ip)) entry.pool.reserve(ip);
      }
    }
    let mac = nic.mac;
    if (mac === 'auto' || mac === 'generate') {
      mac = generateMac(network?.mac_prefix ?? cluster.mac_prefix, usedMacs);
    } else if (usedMacs.has(mac)) {
      throw GanetiError.prereq(`MAC address ${mac} already in use in cluster`, 'resource_not_unique');
    }
    usedMacs.add(mac);
    const connection = network ? group?.networks?.[network.uuid] : undefined;
    const nicparams = connection ? fillParams(connection, nic.nicparams) : { ...nic.nicparams };
    result.push({ uuid: randomUUID(), name: nic.name, mac, ip, network: network?.uuid ?? null, nicparams });
  }
  return {
    nics: result,
    networks: [...pools.values()].map(({ network, pool }) => ({ ...network, ...pool.bitmaps() })),
  };
}

/**
 * Ganeti's LUInstanceCreate CheckPrereq for mode `create`: every check that
 * depends on the cluster (existence, enabled template and hypervisor,
 * placement by node or allocator, node state, OS, parameter syntax, MAC
 * and address uniqueness). Touches nothing; the plan says what exec does.
 */
export async function planInstanceCreate(op: OpInput, ctx: OpContext, deps: InstanceOpcodeDeps): Promise<CreatePlan> {
  const input = checkCreateInput(op);
  const snapshot = ctx.snapshot;
  const cluster = snapshot.list('cluster')[0]!;
  const name = String(op.instance_name);
  let resolvedIp: string | null = null;
  if (op.name_check === true) {
    try {
      resolvedIp = await deps.resolveHost(name);
    } catch (error) {
      throw GanetiError.prereq(`Can't resolve hostname '${name}': ${error instanceof Error ? error.message : String(error)}`, 'resolver_error');
    }
  }
  if (snapshot.findByName('instance', name)) throw GanetiError.prereq(`Instance '${name}' is already in the cluster`, 'already_exists');
  if (op.ip_check === true && resolvedIp !== null && (await deps.probeAddress(resolvedIp))) {
    throw GanetiError.prereq(`IP ${resolvedIp} of instance ${name} already in use`, 'resource_not_unique');
  }
  const template = String(op.disk_template);
  if (!cluster.enabled_disk_templates.includes(template)) {
    throw GanetiError.prereq(
      `Cannot create an instance with disk template '${template}', as it is not enabled in the cluster. Enabled disk templates are: ${cluster.enabled_disk_templates.join(',')}`,
      'wrong_state',
    );
  }
  const hypervisor = (op.hypervisor as string | null) ?? cluster.default_hypervisor;
  if (!cluster.enabled_hypervisors.includes(hypervisor)) {
    throw GanetiError.prereq(`Selected hypervisor (${hypervisor}) not enabled in the cluster (${cluster.enabled_hypervisors.join(',')})`, 'wrong_state');
  }
  const master = snapshot.findByName('node', cluster.master) ?? snapshot.list('node')[0]!;
  const hvparams = op.hvparams as Record<string, unknown>;
  try {
    deps.runner.on(master).hypervisor(hypervisor).checkParameterSyntax(fillParams(cluster.hvparams[hypervisor], hvparams));
  } catch (error) {
    if (PluginError.is(error)) throw wrongInput(error.message);
    throw error;
  }
  const mirrored = INTERNALLY_MIRRORED_TEMPLATES.includes(template);
  const storageType = diskTemplateStorage(template);
  let primary: Node;
  let secondary: Node | null = null;
  if (op.pnode !== null) {
    primary = findNode(snapshot, String(op.pnode));
    if (mirrored) {
      if (op.snode === null) throw wrongInput('The networked disk templates need a mirror node');
      secondary = findNode(snapshot, String(op.snode));
      if (secondary.uuid === primary.uuid) throw wrongInput('The secondary node cannot be the primary node');
    }
  } else {
    const allocator = (op.iallocator as string | null) ?? (cluster.default_iallocator || null);
    if (!allocator) {
      throw wrongInput('No iallocator or primary node given and no cluster-wide default iallocator found; please specify either an iallocator or a primary node');
    }
    const nodes = await allocate(deps, ctx, allocator, allocateSpec(cluster, op, input, hypervisor), storageType);
    primary = findNode(snapshot, nodes[0]!);
    if (mirrored) secondary = findNode(snapshot, nodes[1]!);
  }
  checkUsable(primary, 'primary');
  if (secondary) checkUsable(secondary, 'secondary');
  if (op.ignore_ipolicy !== true) {
    const group = snapshot.get('nodegroup', primary.group);
    const be = effectiveBeparams(cluster, { beparams: input.beparams });
    const violations = ipolicyViolations(effectiveIpolicy(cluster.ipolicy, group?.ipolicy), {
      memory: Number(be.maxmem),
      vcpus: Number(be.vcpus),
      nicCount: input.nics.length,
      spindleUse: Number(be.spindle_use),
      diskSizes: input.disks.map((d) => d.size),
      diskTemplate: template,
    });
    if (violations.length > 0) {
      throw wrongInput(`Instance allocation to group ${primary.group} (${group?.name ?? '?'}) violates policy: ${violations.join('; ')}`);
    }
  }
  if (template !== 'diskless') {
    if (storageType === null) {
      if (mirrored) {
        throw wrongInput(`Disk template '${template}' needs mirrored storage between ${primary.name} and ${secondary?.name ?? '?'}, which this cluster's storage cannot provide yet`);
      }
      throw wrongInput(`Disk template '${template}' is not supported by this cluster's storage yet (supported: diskless, file, sharedfile, plain)`);
    }
    if (template === 'plain' && !cluster.volume_group_name) throw wrongInput("Disk template 'plain' needs an LVM volume group, and this cluster has none");
    try {
      deps.runner.on(primary).storage(storageType);
    } catch (error) {
      if (PluginError.is(error)) throw wrongInput(`Disk template '${template}' is not available on node ${primary.name}: ${error.message}`);
      throw error;
    }
  }
  const os = op.os_type === null ? '' : String(op.os_type);
  if (op.mode !== 'remote-import') {
    let definition;
    try {
      definition = await deps.runner.on(primary).os(os);
    } catch (error) {
      if (PluginError.is(error)) throw wrongInput(`OS '${os}' not in supported OS list for primary node ${primary.name}`);
      throw error;
    }
    // The OS checks its parameters (public and private together), with its variant.
    const osparams = { ...(op.osparams as Record<string, unknown>), ...((op.osparams_private as Record<string, unknown> | null) ?? {}), ...((op.osparams_secret as Record<string, unknown> | null) ?? {}) };
    try {
      await definition.verify(osparams, os.includes('+') ? os.slice(os.indexOf('+') + 1) : undefined);
    } catch (error) {
      if (PluginError.is(error)) throw wrongInput(`OS parameters validation failed on node ${primary.name}: ${error.message}`);
      throw error;
    }
  }
  if (input.start) {
    const be = effectiveBeparams(cluster, { beparams: input.beparams });
    await checkNodeFreeMemory(deps, primary, hypervisor, Number(be.maxmem), `creating instance ${name}`);
  }
  const { nics, networks } = buildNics(snapshot, cluster, primary, input.nics, resolvedIp, op.conflicts_check !== false);
  const now = Date.now() / 1000;
  const uuid = randomUUID();
  const disks: Disk[] = input.disks.map((d) => ({
    uuid: randomUUID(),
    name: d.name,
    size: d.size,
    spindles: d.spindles,
    mode: d.mode,
    dev_type: template,
    logical_id: [],
    params: {},
  }));
  const instance: Instance = {
    uuid,
    serial_no: 1,
    ctime: now,
    mtime: now,
    tags: [...((op.tags as string[]) ?? [])],
    name,
    primary_node: primary.uuid,
    secondary_nodes: secondary ? [secondary.uuid] : [],
    os,
    hypervisor,
    disk_template: template,
    disks,
    nics,
    beparams: input.beparams,
    hvparams,
    osparams: op.osparams as Record<string, unknown>,
    osparams_private: { ...((op.osparams_secret as Record<string, unknown>) ?? {}), ...((op.osparams_private as Record<string, unknown>) ?? {}) },
    admin_state: input.start ? 'up' : 'down',
    admin_state_source: 'admin',
    network_port: null,
    oper_state: false,
    oper_ram: null,
    oper_vcpus: null,
  };
  return { instance, primary, secondary, storageType, start: input.start, install: op.no_install !== true, networks };
}
