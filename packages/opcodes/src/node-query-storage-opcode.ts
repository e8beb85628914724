import { GanetiError } from '@corral/model';
import { requireCluster, requireNode } from './config-lookup';
import { nodeServicesOf } from './node-services-of';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { checkStorageTypeEnabled, defaultStorageType, storageTypes } from './storage-type-check';

/** The fields a storage query may ask for (§6.1). */
export const storageFields = ['node', 'type', 'name', 'size', 'used', 'free', 'allocatable'] as const;

const natural = new Intl.Collator('en', { numeric: true });

/**
 * OP_NODE_QUERY_STORAGE: the storage units of the given nodes through the
 * storage plugins, one row per unit (values in `output_fields` order),
 * ordered by node then unit name. Offline nodes are skipped; a node that
 * fails is skipped with a warning in the job log.
 */
export const nodeQueryStorageOpcode: OpcodeDefinition = {
  id: 'OP_NODE_QUERY_STORAGE',
  touchesNodes: true,
  params: [
    { name: 'nodes', check: ht.listOf(ht.nonEmptyString), default: () => [] },
    { name: 'storage_type', check: ht.maybe(ht.oneOf(...storageTypes)), default: null },
    { name: 'output_fields', check: ht.listOf(ht.nonEmptyString) },
    { name: 'name', check: ht.maybe(ht.nonEmptyString), default: null },
  ],
  locks: () => [],
  checkPrereq(op, ctx) {
    const unknown = (op.output_fields as string[]).filter((f) => !(storageFields as readonly string[]).includes(f));
    if (unknown.length > 0) throw GanetiError.prereq(`Unknown output fields selected: ${unknown.join(',')}`, 'wrong_input');
    const cluster = requireCluster(ctx.snapshot);
    checkStorageTypeEnabled(cluster, (op.storage_type as string | null) ?? defaultStorageType(cluster));
    for (const name of op.nodes as string[]) requireNode(ctx.snapshot, name);
  },
  async exec(op, ctx) {
    const cluster = requireCluster(ctx.snapshot);
    const type = (op.storage_type as string | null) ?? defaultStorageType(cluster);
    const names = op.nodes as string[];
    const nodes = (names.length > 0 ? names.map((n) => requireNode(ctx.snapshot, n)) : ctx.snapshot.list('node'))
      .filter((n) => !n.offline)
      .sort((a, b) => natural.compare(a.name, b.name));
    const rows: unknown[][] = [];
    for (const node of nodes) {
      let units;
      try {
        units = await nodeServicesOf(ctx, node).storage(type).listUnits((op.name as string | null) ?? undefined);
      } catch (error) {
        ctx.feedback(`Can't get storage data from node ${node.name}: ${(error as Error).message}`, 'message');
        continue;
      }
      for (const unit of [...units].sort((a, b) => natural.compare(a.name, b.name))) {
        const values: Record<string, unknown> = { ...unit, node: node.name, type };
        rows.push((op.output_fields as string[]).map((f) => values[f]));
      }
    }
    return { result: rows };
  },
};
