import { isIPv4 } from 'node:net';
import { defaultNdparams, GanetiError, type Node } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';
import { candidateStats, promoteCandidates } from './candidate-pool';
import { instancesOnNode, requireCluster, requireNode } from './config-lookup';
import type { OpcodeDefinition, OpInput } from './opcode-definition';
import { ht } from './param-spec';
import { checkParamKeys, updatedParams } from './updated-params';

type Role = 'candidate' | 'drained' | 'offline' | 'regular';
const FLAGS = ['master_candidate', 'drained', 'offline'] as const;
const ROLE_FLAGS: Record<Role, [boolean, boolean, boolean]> = {
  candidate: [true, false, false],
  drained: [false, true, false],
  offline: [false, false, true],
  regular: [false, false, false],
};

function roleOf(node: Node): Role {
  if (node.master_candidate) return 'candidate';
  if (node.drained) return 'drained';
  if (node.offline) return 'offline';
  return 'regular';
}

function mightDemote(op: OpInput): boolean {
  return op.master_candidate === false || op.offline === true || op.drained === true || op.master_capable === false;
}

/** Ganeti's _DecideSelfPromotion: would the pool want one more candidate? */
function decideSelfPromotion(snapshot: ConfigSnapshot, poolSize: number): boolean {
  const stats = candidateStats(snapshot.list('node'), poolSize);
  return stats.now < Math.min(stats.should + 1, poolSize);
}

/**
 * The role the node ends with, as LUNodeSetParams.CheckPrereq decides it:
 * unsetting a flag that is already unset is ignored; leaving drained or
 * offline (or becoming master capable) promotes the node when the pool
 * wants one more candidate; losing master capability demotes it.
 */
function newRole(op: OpInput, node: Node, snapshot: ConfigSnapshot, poolSize: number): Role {
  const flags: Record<(typeof FLAGS)[number], boolean | null> = {
    master_candidate: op.master_candidate as boolean | null,
    drained: op.drained as boolean | null,
    offline: op.offline as boolean | null,
  };
  for (const f of FLAGS) if (flags[f] === false && node[f] === false) flags[f] = null;
  if (flags.drained === false || flags.offline === false || (op.master_capable === true && !node.master_capable)) {
    if (decideSelfPromotion(snapshot, poolSize)) flags.master_candidate = true;
  }
  if (op.master_capable === false && node.master_candidate) flags.master_candidate = false;
  if (flags.master_candidate === true) return 'candidate';
  if (flags.drained === true) return 'drained';
  if (flags.offline === true) return 'offline';
  if (FLAGS.some((f) => flags[f] === false)) return 'regular';
  return roleOf(node);
}

const MODS = ['offline', 'master_candidate', 'drained', 'master_capable', 'vm_capable', 'secondary_ip', 'ndparams', 'hv_state', 'disk_state'];

/**
 * OP_NODE_SET_PARAMS: a node's role flags (master candidate, drained,
 * offline), capabilities, secondary IP and parameters, with Ganeti's
 * LUNodeSetParams rules: demoting a candidate below the pool size needs
 * `auto_promote` (other nodes are then promoted); the master's role only
 * changes by failover. The result lists `[flag, "True"|"False"]` changes.
 */
export const nodeSetParamsOpcode: OpcodeDefinition = {
  id: 'OP_NODE_SET_PARAMS',
  touchesNodes: false,
  summaryField: 'node_name',
  params: [
    { name: 'node_name', check: ht.nonEmptyString },
    { name: 'force', check: ht.bool, default: false },
    { name: 'hv_state', check: ht.maybe(ht.dict), default: null },
    { name: 'disk_state', check: ht.maybe(ht.dict), default: null },
    { name: 'master_candidate', check: ht.maybe(ht.bool), default: null },
    { name: 'offline', check: ht.maybe(ht.bool), default: null },
    { name: 'drained', check: ht.maybe(ht.bool), default: null },
    { name: 'auto_promote', check: ht.bool, default: false },
    { name: 'master_capable', check: ht.maybe(ht.bool), default: null },
    { name: 'vm_capable', check: ht.maybe(ht.bool), default: null },
    { name: 'secondary_ip', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'ndparams', check: ht.maybe(ht.dict), default: null },
    { name: 'powered', check: ht.maybe(ht.bool), default: null },
  ],
  locks: () => [{ level: 'cluster', name: 'cluster', mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    if (MODS.every((m) => op[m] === null)) throw GanetiError.prereq('Please pass at least one modification', 'wrong_input');
    if (MODS.filter((m) => op[m] === true).length > 1) {
      throw GanetiError.prereq("Can't set the node into more than one state at the same time", 'wrong_input');
    }
    const cluster = requireCluster(ctx.snapshot);
    const node = requireNode(ctx.snapshot, op.node_name as string);
    if (FLAGS.some((f) => op[f] !== null) && node.name === cluster.master) {
      throw GanetiError.prereq('The master role can be changed only via master-failover', 'wrong_input');
    }
    if (op.master_candidate === true && !node.master_capable) {
      throw GanetiError.prereq(`Node ${node.name} is not master capable, cannot make it a master candidate`, 'wrong_state');
    }
    if (op.vm_capable === false) {
      const { primary, secondary } = instancesOnNode(ctx.snapshot, node.uuid);
      if (primary.length + secondary.length > 0) throw GanetiError.prereq(`Node ${node.name} hosts instances, cannot unset the vm_capable flag`, 'wrong_state');
    }
    if (op.secondary_ip !== null && !isIPv4(op.secondary_ip as string)) {
      throw GanetiError.prereq(`Secondary IP (${String(op.secondary_ip)}) needs to be a valid IPv4 address`, 'wrong_input');
    }
    if (mightDemote(op) && node.master_candidate && op.auto_promote !== true) {
      const stats = candidateStats(ctx.snapshot.list('node'), cluster.candidate_pool_size, [node.uuid]);
      if (stats.now < stats.should) {
        throw GanetiError.prereq(
          'Not enough master candidates, please pass auto promote option to allow promotion (--auto-promote or RAPI auto_promote=True)',
          'wrong_state',
        );
      }
    }
    if (op.powered !== null) {
      throw GanetiError.prereq(`Unable to change powered state for node ${node.name} as it does not support out-of-band handling`, 'wrong_state');
    }
    if (op.ndparams !== null) checkParamKeys(op.ndparams as Record<string, unknown>, defaultNdparams);
  },
  async exec(op, ctx) {
    const cluster = requireCluster(ctx.snapshot);
    const node = requireNode(ctx.snapshot, op.node_name as string);
    const result: [string, string][] = [];
    let updated: Node = { ...node };
    if (op.ndparams !== null) updated = { ...updated, ndparams: updatedParams(node.ndparams, op.ndparams as Record<string, unknown>) };
    for (const attr of ['master_capable', 'vm_capable'] as const) {
      if (op[attr] !== null) {
        updated = { ...updated, [attr]: op[attr] as boolean };
        result.push([attr, op[attr] ? 'True' : 'False']);
      }
    }
    const oldRole = roleOf(node);
    const role = newRole(op, node, ctx.snapshot, cluster.candidate_pool_size);
    if (role === 'candidate' && roleOf(node) !== 'candidate' && op.master_candidate !== true) ctx.feedback('Auto-promoting node to master candidate');
    if (role !== oldRole) {
      const oldFlags = ROLE_FLAGS[oldRole];
      const flags = ROLE_FLAGS[role];
      FLAGS.forEach((f, i) => {
        if (oldFlags[i] !== flags[i]) result.push([f, flags[i] ? 'True' : 'False']);
      });
      updated = { ...updated, master_candidate: flags[0], drained: flags[1], offline: flags[2] };
    }
    if (op.secondary_ip !== null) {
      updated = { ...updated, secondary_ip: op.secondary_ip as string };
      result.push(['secondary_ip', op.secondary_ip as string]);
    }
    const puts = [{ kind: 'node' as const, object: updated }];
    if (op.auto_promote === true && role !== 'candidate' && node.master_candidate) {
      const others = ctx.snapshot.list('node').map((n) => (n.uuid === node.uuid ? updated : n));
      for (const p of promoteCandidates(others, cluster.candidate_pool_size, [node.uuid])) {
        ctx.feedback(`Promoted node ${p.name} to master candidate`);
        puts.push({ kind: 'node', object: p });
      }
    }
    return { result, changes: { put: puts } };
  },
};
