import type {
  Iallocator,
  IallocatorAllocateSpec,
  IallocatorInput,
  IallocatorInstance,
  IallocatorRequest,
  IallocatorResponse,
} from '@corral/contracts';
import { ipolicyProblem } from './ipolicy-problem';
import { MIRRORED_TEMPLATES, NO_LOCAL_DISK_TEMPLATES, SHARED_TEMPLATES } from './mirrored-templates';
import { nodeCapacities, place, placementScore, primaryProblem, secondaryProblem, type NodeCapacity, type PlacementNeed } from './node-capacity';

type Capacities = Map<string, NodeCapacity>;

/**
 * Templates whose relocation moves the primary (hail's ChangePrimary for
 * externally mirrored templates), plus `file`, whose disk files Corral
 * copies between local nodes on migrate and failover.
 */
const RELOCATED_PRIMARY_TEMPLATES: readonly string[] = [...SHARED_TEMPLATES, 'file'];
type Opcode = Record<string, unknown>;

const POLICY_ORDER = { preferred: 0, last_resort: 1, unallocable: 2 } as const;

function need(spec: { memory: number; vcpus: number; disk_template: string; disk_space_total: number; spindle_use: number }): PlacementNeed {
  return {
    memory: spec.memory,
    vcpus: spec.vcpus,
    disk: NO_LOCAL_DISK_TEMPLATES.includes(spec.disk_template) ? 0 : spec.disk_space_total,
    spindles: spec.spindle_use,
  };
}

/** Groups that may receive instances, preferred before last_resort, then by name. */
function allocatableGroups(input: IallocatorInput, only?: readonly string[]): string[] {
  return Object.entries(input.nodegroups)
    .filter(([uuid, g]) => g.alloc_policy !== 'unallocable' && (only === undefined || only.includes(uuid)))
    .sort(([, a], [, b]) => POLICY_ORDER[a.alloc_policy] - POLICY_ORDER[b.alloc_policy] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(([uuid]) => uuid);
}

function byScore(nodes: NodeCapacity[], n: PlacementNeed): NodeCapacity[] {
  return [...nodes].sort((a, b) => placementScore(b, n) - placementScore(a, n) || (a.name < b.name ? -1 : 1));
}

/** Best [primary] or [primary, secondary] in one group, or the reasons it fails. */
function placeInGroup(caps: Capacities, group: string, n: PlacementNeed, mirrored: boolean, allowed?: readonly string[], exclude: readonly string[] = []): { nodes: string[] } | { problems: string[] } {
  const members = [...caps.values()].filter((c) => c.group === group && !exclude.includes(c.name) && (allowed === undefined || allowed.includes(c.name)));
  const problems: string[] = [];
  for (const primary of byScore(members, n)) {
    const problem = primaryProblem(primary, n);
    if (problem) {
      problems.push(problem);
      continue;
    }
    if (!mirrored) return { nodes: [primary.name] };
    const secondaries = byScore(members.filter((m) => m.name !== primary.name), { ...n, memory: 0 });
    for (const secondary of secondaries) {
      const sProblem = secondaryProblem(secondary, primary.name, n);
      if (!sProblem) return { nodes: [primary.name, secondary.name] };
      problems.push(sProblem);
    }
    if (secondaries.length === 0) problems.push(`no secondary node for ${primary.name} in its group`);
  }
  if (members.length === 0) problems.push('no usable nodes');
  return { problems };
}

/**
 * A capacity-aware allocator for every request type: memory, disk, vcpus
 * (times the vcpu ratio), spindles, N+1 memory on secondaries of mirrored
 * templates, instance policy, and the groups' alloc_policy (preferred
 * groups first, last_resort after, unallocable never).
 */
export class BuiltinIallocator implements Iallocator {
  readonly name = 'builtin';

  async run(input: IallocatorInput): Promise<IallocatorResponse> {
    const caps = nodeCapacities(input);
    const request: IallocatorRequest = input.request;
    switch (request.type) {
      case 'allocate': {
        const result = this.allocate(input, caps, request);
        return 'nodes' in result
          ? { success: true, info: `Request successful: allocated ${request.name} on ${result.nodes.join(', ')}`, result: result.nodes }
          : { success: false, info: `Request failed: ${result.reason}`, result: [] };
      }
      case 'multi-allocate': {
        const allocated: [string, string[]][] = [];
        const failed: string[] = [];
        for (const spec of request.instances) {
          const result = this.allocate(input, caps, spec);
          if ('nodes' in result) allocated.push([spec.name, result.nodes]);
          else failed.push(spec.name);
        }
        return { success: true, info: `Request successful: ${allocated.length} allocated, ${failed.length} failed`, result: [allocated, failed] };
      }
      case 'relocate': {
        const instance = input.instances[request.name];
        if (!instance) return { success: false, info: `Request failed: unknown instance ${request.name}`, result: [] };
        if (RELOCATED_PRIMARY_TEMPLATES.includes(instance.disk_template)) {
          // hail's ChangePrimary: a new primary in the instance's group, away from relocate_from.
          const group = input.nodes[instance.nodes[0]]?.group ?? '';
          const placed = placeInGroup(caps, group, need(instance), false, undefined, [...instance.nodes, ...request.relocate_from]);
          if (!('nodes' in placed)) return { success: false, info: `Request failed: ${[...new Set(placed.problems)].join('; ') || 'no other node in the group'}`, result: [] };
          return { success: true, info: `Request successful: new primary ${placed.nodes[0]}`, result: placed.nodes };
        }
        if (!MIRRORED_TEMPLATES.includes(instance.disk_template)) {
          return { success: false, info: `Request failed: instances of type ${instance.disk_template} cannot be relocated`, result: [] };
        }
        const node = this.newSecondary(input, caps, instance, [...instance.nodes, ...request.relocate_from]);
        return typeof node === 'string'
          ? { success: true, info: `Request successful: new secondary ${node}`, result: [node] }
          : { success: false, info: `Request failed: ${node.reason}`, result: [] };
      }
      case 'allocate-secondary': {
        const instance = input.instances[request.name];
        if (!instance) return { success: false, info: `Request failed: unknown instance ${request.name}`, result: [] };
        const node = this.newSecondary(input, caps, instance, instance.nodes);
        return typeof node === 'string'
          ? { success: true, info: `Request successful: secondary ${node}`, result: node }
          : { success: false, info: `Request failed: ${node.reason}`, result: [] };
      }
      case 'node-evacuate':
        return this.evacuate(input, caps, request.instances, request.evac_mode);
      case 'change-group':
        return this.changeGroup(input, caps, request.instances, request.target_groups);
    }
  }

  private allocate(input: IallocatorInput, caps: Capacities, spec: IallocatorAllocateSpec): { nodes: string[] } | { reason: string } {
    const mirrored = spec.required_nodes === 2 || MIRRORED_TEMPLATES.includes(spec.disk_template);
    const n = need(spec);
    let only: string[] | undefined;
    if (spec.group_name) {
      const uuid = Object.entries(input.nodegroups).find(([, g]) => g.name === spec.group_name)?.[0];
      if (!uuid) return { reason: `unknown group ${spec.group_name}` };
      only = [uuid];
    }
    const reasons: string[] = [];
    for (const group of allocatableGroups(input, only)) {
      const g = input.nodegroups[group];
      const policyProblem = ipolicyProblem(g.ipolicy ?? input.ipolicy, {
        memory: spec.memory,
        vcpus: spec.vcpus,
        diskTemplate: spec.disk_template,
        diskSizes: spec.disks.map((d) => d.size),
        nicCount: spec.nics.length,
        spindleUse: spec.spindle_use,
      });
      if (policyProblem) {
        reasons.push(`group ${g.name}: ${policyProblem}`);
        continue;
      }
      const placed = placeInGroup(caps, group, n, mirrored, spec['restrict-to-nodes']);
      if ('nodes' in placed) {
        place(caps, placed.nodes[0], placed.nodes[1], n);
        return placed;
      }
      reasons.push(`group ${g.name}: ${[...new Set(placed.problems)].join('; ')}`);
    }
    return { reason: reasons.length > 0 ? reasons.join(' | ') : 'no allocatable group' };
  }

  private newSecondary(input: IallocatorInput, caps: Capacities, instance: IallocatorInstance, exclude: readonly string[]): string | { reason: string } {
    const primary = instance.nodes[0];
    const group = input.nodes[primary]?.group;
    const n = need(instance);
    const candidates = byScore([...caps.values()].filter((c) => c.group === group && !exclude.includes(c.name)), { ...n, memory: 0 });
    const problems: string[] = [];
    for (const c of candidates) {
      const problem = secondaryProblem(c, primary, n);
      if (!problem) {
        c.freeDisk -= n.disk;
        c.failoverMemory.set(primary, (c.failoverMemory.get(primary) ?? 0) + n.memory);
        return c.name;
      }
      problems.push(problem);
    }
    return { reason: problems.length > 0 ? problems.join('; ') : `no other node in the group of ${primary}` };
  }

  private evacuate(input: IallocatorInput, caps: Capacities, names: readonly string[], mode: string): IallocatorResponse {
    const moved: [string, string, string[]][] = [];
    const failed: [string, string | null][] = [];
    const jobs: Opcode[][] = [];
    for (const name of names) {
      const instance = input.instances[name];
      if (!instance) {
        failed.push([name, 'unknown instance']);
        continue;
      }
      const [primary, secondary] = instance.nodes;
      const groupUuid = input.nodes[primary]?.group ?? '';
      const groupName = input.nodegroups[groupUuid]?.name ?? groupUuid;
      const n = need(instance);
      if (MIRRORED_TEMPLATES.includes(instance.disk_template)) {
        if (mode === 'primary-only') {
          moved.push([name, groupName, [secondary, primary]]);
          jobs.push([{ OP_ID: instance.admin_state === 'up' ? 'OP_INSTANCE_MIGRATE' : 'OP_INSTANCE_FAILOVER', instance_name: name, target_node: null }]);
          continue;
        }
        const newSecondary = this.newSecondary(input, caps, instance, instance.nodes);
        if (typeof newSecondary !== 'string') {
          failed.push([name, newSecondary.reason]);
          continue;
        }
        const replace = { OP_ID: 'OP_INSTANCE_REPLACE_DISKS', instance_name: name, mode: 'replace_new_secondary', remote_node: newSecondary, disks: [] };
        if (mode === 'secondary-only') {
          moved.push([name, groupName, [primary, newSecondary]]);
          jobs.push([replace]);
        } else {
          moved.push([name, groupName, [newSecondary, secondary]]);
          jobs.push([replace, { OP_ID: 'OP_INSTANCE_FAILOVER', instance_name: name, target_node: null }]);
        }
        continue;
      }
      if (!SHARED_TEMPLATES.includes(instance.disk_template)) {
        failed.push([name, `Instances of type ${instance.disk_template} cannot be relocated`]);
        continue;
      }
      if (mode === 'secondary-only') {
        failed.push([name, `Instances of type ${instance.disk_template} have no secondary node`]);
        continue;
      }
      const placed = placeInGroup(caps, groupUuid, n, false, undefined, [primary]);
      if (!('nodes' in placed)) {
        failed.push([name, [...new Set(placed.problems)].join('; ')]);
        continue;
      }
      place(caps, placed.nodes[0], undefined, n);
      moved.push([name, groupName, placed.nodes]);
      jobs.push([{ OP_ID: 'OP_INSTANCE_MIGRATE', instance_name: name, target_node: placed.nodes[0], allow_failover: true }]);
    }
    return { success: true, info: `Request successful: ${failed.length} instances failed to move and ${moved.length} were moved successfully`, result: [moved, failed, jobs] };
  }

  private changeGroup(input: IallocatorInput, caps: Capacities, names: readonly string[], targets: readonly string[]): IallocatorResponse {
    const moved: [string, string, string[]][] = [];
    const failed: [string, string | null][] = [];
    const jobs: Opcode[][] = [];
    for (const name of names) {
      const instance = input.instances[name];
      if (!instance) {
        failed.push([name, 'unknown instance']);
        continue;
      }
      const current = input.nodes[instance.nodes[0]]?.group;
      const groups = allocatableGroups(input, targets.length > 0 ? targets : undefined).filter((g) => g !== current);
      const mirrored = MIRRORED_TEMPLATES.includes(instance.disk_template);
      if (!mirrored && !SHARED_TEMPLATES.includes(instance.disk_template)) {
        failed.push([name, `Instances of type ${instance.disk_template} cannot change group`]);
        continue;
      }
      const n = need(instance);
      let done = false;
      const problems: string[] = [];
      for (const group of groups) {
        const placed = placeInGroup(caps, group, n, mirrored);
        if (!('nodes' in placed)) {
          problems.push(`group ${input.nodegroups[group].name}: ${[...new Set(placed.problems)].join('; ')}`);
          continue;
        }
        place(caps, placed.nodes[0], placed.nodes[1], n);
        moved.push([name, input.nodegroups[group].name, placed.nodes]);
        jobs.push(
          mirrored
            ? [
                { OP_ID: 'OP_INSTANCE_REPLACE_DISKS', instance_name: name, mode: 'replace_new_secondary', remote_node: placed.nodes[0], disks: [] },
                { OP_ID: 'OP_INSTANCE_FAILOVER', instance_name: name, target_node: null },
                { OP_ID: 'OP_INSTANCE_REPLACE_DISKS', instance_name: name, mode: 'replace_new_secondary', remote_node: placed.nodes[1], disks: [] },
              ]
            : [{ OP_ID: 'OP_INSTANCE_MIGRATE', instance_name: name, target_node: placed.nodes[0], allow_failover: true }],
        );
        done = true;
        break;
      }
      if (!done) failed.push([name, problems.length > 0 ? problems.join(' | ') : 'no target group']);
    }
    return { success: true, info: `Request successful: ${failed.length} instances failed to move and ${moved.length} were moved successfully`, result: [moved, failed, jobs] };
  }
}
