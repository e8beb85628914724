import type { OsDefinitionInfo } from '@corral/contracts';
import { GanetiError } from '@corral/model';
import { requireCluster } from './config-lookup';
import { nodeServicesOf } from './node-services-of';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

const FIELDS = ['name', 'valid', 'hidden', 'blacklisted', 'variants', 'api_versions', 'parameters', 'node_status'] as const;

interface OsSummary {
  name: string;
  /** Node name -> definition found there. */
  found: Map<string, OsDefinitionInfo>;
}

/**
 * OP_OS_DIAGNOSE: the OS definitions of every online vm-capable node, asked
 * through the node runner (the OS plugins). An OS is valid when every such
 * node has it; its variants are those all nodes share, sorted. Without `names`, only
 * valid, visible, non-blacklisted OSes are listed (Ganeti's behaviour).
 */
export const osDiagnoseOpcode: OpcodeDefinition = {
  id: 'OP_OS_DIAGNOSE',
  touchesNodes: true,
  params: [
    { name: 'output_fields', check: ht.listOf(ht.nonEmptyString) },
    { name: 'names', check: ht.listOf(ht.nonEmptyString), default: () => [] },
  ],
  locks: () => [],
  checkPrereq(op) {
    const unknown = (op.output_fields as string[]).filter((f) => !(FIELDS as readonly string[]).includes(f));
    if (unknown.length > 0) throw GanetiError.prereq(`Unknown output fields selected: ${unknown.join(',')}`, 'wrong_input');
  },
  async exec(op, ctx) {
    const cluster = requireCluster(ctx.snapshot);
    const nodes = ctx.snapshot.list('node').filter((n) => !n.offline && n.vm_capable);
    const byName = new Map<string, OsSummary>();
    for (const node of nodes) {
      let oses: OsDefinitionInfo[];
      try {
        oses = await nodeServicesOf(ctx, node).listOses();
      } catch (error) {
        ctx.feedback(`Can't get the OS list of node ${node.name}: ${(error as Error).message}`);
        oses = [];
      }
      for (const os of oses) {
        const summary = byName.get(os.name) ?? { name: os.name, found: new Map() };
        if (!summary.found.has(node.name)) summary.found.set(node.name, os);
        byName.set(os.name, summary);
      }
    }
    const names = op.names as string[];
    const rows: unknown[][] = [];
    for (const summary of [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const defs = [...summary.found.values()];
      const valid = summary.found.size === nodes.length;
      const hidden = cluster.hidden_os.includes(summary.name);
      const blacklisted = cluster.blacklisted_os.includes(summary.name);
      if (names.length > 0 ? !names.includes(summary.name) : !valid || hidden || blacklisted) continue;
      const variants = defs.reduce<string[]>((shared, d) => shared.filter((v) => d.variants.includes(v)), [...(defs[0]?.variants ?? [])]).sort();
      const apiVersions = defs.reduce<number[]>((shared, d) => shared.filter((v) => d.apiVersions.includes(v)), [...(defs[0]?.apiVersions ?? [])]);
      const values: Record<string, unknown> = {
        name: summary.name,
        valid,
        hidden,
        blacklisted,
        variants,
        api_versions: apiVersions,
        parameters: (defs[0]?.parameters ?? []).map(([n, d]) => [n, d]),
        node_status: Object.fromEntries([...summary.found].map(([node, d]) => [node, [[d.path, true, '', d.variants, d.parameters, d.apiVersions]]])),
      };
      rows.push((op.output_fields as string[]).map((f) => values[f]));
    }
    return { result: rows };
  },
};
