import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createNode, GanetiError } from '@corral/model';
import { candidateStats } from './candidate-pool';
import { requireCluster, requireGroup, requireNode } from './config-lookup';
import { nodeServicesOf } from './node-services-of';
import { pluginFailure } from './plugin-failure';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

const NODE_NAME = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

/** A local node's directory: beside the master's, `<data_dir>/nodes/<name>`. */
export function localNodeDir(masterNodeDir: string, name: string): string {
  return join(dirname(masterNodeDir), name);
}

/** The directories a local node's plugins expect (contracts README). */
export function localNodeLayout(nodeDir: string): string[] {
  return [join(nodeDir, 'run', 'fake-hypervisor'), join(nodeDir, 'file-storage')];
}

/**
 * OP_NODE_ADD (`gnt-node add`): puts a node into the configuration. Corral
 * runs the plugins of local nodes in-process, so a node is added with
 * `local` (its own directory beside the master's); a remote node would need
 * a node agent, which is refused for now. The new node becomes a master
 * candidate when the pool needs one, unless `master_candidate` says otherwise.
 * `readd` brings back a node already in the configuration (offline or
 * drained): its flags are reset, its identity, tags and directory kept.
 */
export const nodeAddOpcode: OpcodeDefinition = {
  id: 'OP_NODE_ADD',
  touchesNodes: true,
  summaryField: 'node_name',
  params: [
    { name: 'node_name', check: ht.nonEmptyString },
    { name: 'primary_ip', check: ht.maybe(ht.string), default: null },
    { name: 'secondary_ip', check: ht.maybe(ht.string), default: null },
    { name: 'readd', check: ht.bool, default: false },
    { name: 'group', check: ht.maybe(ht.string), default: null },
    { name: 'master_capable', check: ht.maybe(ht.bool), default: null },
    { name: 'vm_capable', check: ht.maybe(ht.bool), default: null },
    { name: 'ndparams', check: ht.maybe(ht.dict), default: null },
    { name: 'hv_state', check: ht.maybe(ht.dict), default: null },
    { name: 'disk_state', check: ht.maybe(ht.dict), default: null },
    { name: 'node_setup', check: ht.bool, default: false },
    { name: 'local', check: ht.bool, default: false },
    { name: 'master_candidate', check: ht.maybe(ht.bool), default: null },
  ],
  locks: () => [{ level: 'cluster', name: 'cluster', mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    const name = op.node_name as string;
    if (!NODE_NAME.test(name)) throw GanetiError.prereq(`Invalid node name '${name}'`, 'wrong_input');
    const existing = ctx.snapshot.findByName('node', name);
    if (existing && op.readd !== true) throw GanetiError.prereq(`Node ${name} is already in the configuration`, 'already_exists');
    if (!existing && op.readd === true) throw GanetiError.prereq(`Node ${name} is not in the configuration`, 'unknown_entity');
    if (existing && existing.name === requireCluster(ctx.snapshot).master) throw GanetiError.prereq('The master node cannot be re-added', 'wrong_input');
    if (op.local !== true) {
      throw GanetiError.prereq('Only local nodes can be added (local=true): remote nodes need a node agent, which this server does not have', 'wrong_input');
    }
    if (op.group !== null) requireGroup(ctx.snapshot, op.group as string);
    if (op.master_candidate === true && op.master_capable === false) {
      throw GanetiError.prereq(`Node ${name} is not master capable, cannot make it a master candidate`, 'wrong_state');
    }
    requireCluster(ctx.snapshot);
  },
  async exec(op, ctx) {
    const cluster = requireCluster(ctx.snapshot);
    const master = requireNode(ctx.snapshot, cluster.master);
    const name = op.node_name as string;
    const existing = ctx.snapshot.findByName('node', name);
    const masterCapable = (op.master_capable as boolean | null) ?? existing?.master_capable ?? true;
    const group = op.group === null ? (existing?.group ?? master.group) : requireGroup(ctx.snapshot, op.group as string).uuid;
    const nodeDir = existing?.node_dir ?? localNodeDir(master.node_dir, name);
    for (const dir of localNodeLayout(nodeDir)) mkdirSync(dir, { recursive: true });
    const now = Date.now() / 1000;
    const draft = createNode(
      {
        uuid: existing?.uuid ?? randomUUID(),
        serial_no: existing?.serial_no ?? 1,
        ctime: existing?.ctime ?? now,
        tags: existing?.tags ?? [],
        name,
        primary_ip: (op.primary_ip as string | null) ?? existing?.primary_ip ?? '127.0.0.1',
        secondary_ip: (op.secondary_ip as string | null) ?? (op.primary_ip as string | null) ?? existing?.secondary_ip ?? '127.0.0.1',
        master_candidate: false,
        master_capable: masterCapable,
        vm_capable: (op.vm_capable as boolean | null) ?? existing?.vm_capable ?? true,
        group,
        ndparams: (op.ndparams as Record<string, unknown> | null) ?? existing?.ndparams ?? {},
        node_dir: nodeDir,
      },
      now,
    );
    const others = ctx.snapshot.list('node').filter((n) => n.uuid !== draft.uuid);
    const stats = candidateStats([...others, draft], cluster.candidate_pool_size);
    const candidate = (op.master_candidate as boolean | null) ?? (masterCapable && stats.now < stats.should);
    const node = { ...draft, master_candidate: candidate };
    try {
      const problem = await nodeServicesOf(ctx, node).hypervisor(cluster.default_hypervisor).verify();
      if (problem) throw new GanetiError('OpExecError', `Node ${name} failed verification: ${problem}`);
    } catch (error) {
      throw pluginFailure(error);
    }
    ctx.feedback(`${existing ? 'Re-added' : 'Added'} node ${name} (${candidate ? 'master candidate' : 'regular'}) with its state in ${nodeDir}`);
    return { result: null, changes: { put: [{ kind: 'node', object: node }] } };
  },
};
