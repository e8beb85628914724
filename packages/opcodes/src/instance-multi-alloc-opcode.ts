import { PluginError, type IallocatorMultiAllocateResult } from '@corral/contracts';
import { GanetiError } from '@corral/model';
import { buildIallocatorInput } from './iallocator-input';
import { checkCreateInput } from './instance-create-input';
import { NODE_ALLOCATION_LOCK } from './instance-create-opcode';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import { gatherNodeFigures } from './node-figures';
import type { OpContext } from './op-context';
import type { OpcodeDefinition, OpInput } from './opcode-definition';
import { ht } from './param-spec';
import { allocateSpec } from './plan-instance-create';
import { diskTemplateStorage } from './disk-template-storage';

/** The placement decided for a multi-allocation: which entries get which nodes, and which failed. */
interface MultiAllocPlan {
  readonly allocatable: readonly { readonly entry: Record<string, unknown>; readonly nodes: readonly string[] }[];
  readonly failed: readonly string[];
}

const dict = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

function entries(op: OpInput): Record<string, unknown>[] {
  return (op.instances as Record<string, unknown>[]).map(({ OP_ID: _, ...fields }) => fields);
}

/** Entries as create opcodes with defaults, for the shared input checks. */
function asCreateOp(entry: Record<string, unknown>): OpInput {
  const defaults = { name_check: true, ip_check: true, start: true, beparams: {}, hvparams: {}, osparams: {}, pnode: null, snode: null, iallocator: null, no_install: null };
  return { ...defaults, ...entry, OP_ID: 'OP_INSTANCE_CREATE' } as OpInput;
}

async function plan(op: OpInput, ctx: OpContext, deps: InstanceOpcodeDeps): Promise<MultiAllocPlan> {
  const list = entries(op);
  if (list.length === 0) throw GanetiError.prereq('No instances to allocate', 'wrong_input');
  const names = new Set<string>();
  const cluster = ctx.snapshot.list('cluster')[0]!;
  for (const entry of list) {
    const name = String(entry.instance_name);
    if (names.has(name)) throw GanetiError.prereq(`Instance '${name}' is given more than once`, 'wrong_input');
    names.add(name);
    if (ctx.snapshot.findByName('instance', name)) throw GanetiError.prereq(`Instance '${name}' is already in the cluster`, 'already_exists');
    if (entry.iallocator !== undefined && entry.iallocator !== null) throw GanetiError.prereq('iallocator are not allowed to be set on instance objects', 'wrong_input');
  }
  const withNode = list.filter((e) => e.pnode !== undefined && e.pnode !== null);
  if (withNode.length > 0) {
    if (withNode.length !== list.length) throw GanetiError.prereq('There are instance objects providing pnode/snode while others do not', 'wrong_input');
    if (op.iallocator !== null) throw GanetiError.prereq('Do not specify both, iallocator and node.', 'wrong_input');
    return { allocatable: list.map((entry) => ({ entry, nodes: [String(entry.pnode), ...(entry.snode ? [String(entry.snode)] : [])] })), failed: [] };
  }
  const name = (op.iallocator as string | null) ?? (cluster.default_iallocator || null);
  if (!name) throw GanetiError.prereq('No iallocator or nodes on the instances given and no cluster-wide default iallocator found', 'wrong_input');
  let allocator;
  try {
    allocator = deps.plugins.iallocator(name);
  } catch (error) {
    throw GanetiError.prereq(PluginError.is(error) ? error.message : String(error), 'wrong_input');
  }
  const specs = list.map((entry) => {
    const create = asCreateOp(entry);
    return allocateSpec(cluster, create, checkCreateInput(create), (entry.hypervisor as string | null | undefined) ?? cluster.default_hypervisor);
  });
  const template = String(list[0]!.disk_template);
  const figures = await gatherNodeFigures(deps.runner, ctx.snapshot.list('node'), specs[0]!.hypervisor, diskTemplateStorage(template));
  let response;
  try {
    response = await allocator.run(buildIallocatorInput(ctx.snapshot, figures, { type: 'multi-allocate', instances: specs }));
  } catch (error) {
    throw GanetiError.prereq(`Can't compute nodes using iallocator '${name}': ${error instanceof Error ? error.message : String(error)}`, 'insufficient_resources');
  }
  if (!response.success) throw GanetiError.prereq(`Can't compute nodes using iallocator '${name}': ${response.info}`, 'insufficient_resources');
  const result = response.result as IallocatorMultiAllocateResult;
  const valid = Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && Array.isArray(result[1]);
  if (!valid || !result[0].every(([instance, nodes]) => list.some((e) => e.instance_name === instance) && Array.isArray(nodes) && nodes.length > 0)) {
    throw GanetiError.prereq(`iallocator '${name}' returned an invalid multi-allocation result`, 'internal_error');
  }
  const [allocated, failed] = result;
  const byName = new Map(list.map((e) => [String(e.instance_name), e]));
  return {
    allocatable: allocated.map(([instance, nodes]) => ({ entry: byName.get(instance)!, nodes })),
    failed: [...failed],
  };
}

/**
 * OP_INSTANCE_MULTI_ALLOC: places several instances at once (all by node,
 * or all by one multi-allocate allocator run) and submits one creation job
 * per placed instance. Result: `{"jobs": [[ok, id_or_msg]...], "allocatable": [...], "failed": [...]}`.
 */
export function instanceMultiAllocOpcode(deps: InstanceOpcodeDeps): OpcodeDefinition {
  const plans = new WeakMap<OpInput, MultiAllocPlan>();
  return {
    id: 'OP_INSTANCE_MULTI_ALLOC',
    touchesNodes: false,
    params: [
      { name: 'opportunistic_locking', check: ht.bool, default: false },
      { name: 'iallocator', check: ht.maybe(ht.string), default: null },
      { name: 'instances', check: ht.listOf(dict), default: () => [] },
    ],
    locks: (op) => [...(op.instances as Record<string, unknown>[]).map((e) => ({ level: 'instance' as const, name: String(e.instance_name), mode: 'exclusive' as const })), NODE_ALLOCATION_LOCK],
    async checkPrereq(op, ctx) {
      const decided = await plan(op, ctx, deps);
      plans.set(op, decided);
      return { allocatable: decided.allocatable.map((a) => a.entry.instance_name), failed: decided.failed };
    },
    async exec(op, ctx) {
      const decided = plans.get(op) ?? (await plan(op, ctx, deps));
      return {
        result: { allocatable: decided.allocatable.map((a) => a.entry.instance_name), failed: decided.failed },
        jobs: decided.allocatable.map(({ entry, nodes }) => [
          { ...entry, OP_ID: 'OP_INSTANCE_CREATE', iallocator: null, pnode: nodes[0], snode: nodes[1] ?? null },
        ]),
      };
    },
  };
}
