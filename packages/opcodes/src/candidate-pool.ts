import type { Node } from '@corral/model';

/** Ganeti's GetMasterCandidateStats: candidates now, candidates wanted, nodes able to be one. */
export interface CandidateStats {
  readonly now: number;
  readonly should: number;
  readonly max: number;
}

const eligible = (n: Node): boolean => n.master_capable && !n.offline && !n.drained;

/** The master-candidate pool as Ganeti counts it, ignoring the nodes in `exceptions` (uuids). */
export function candidateStats(nodes: readonly Node[], poolSize: number, exceptions: readonly string[] = []): CandidateStats {
  const counted = nodes.filter((n) => !exceptions.includes(n.uuid));
  const max = counted.filter(eligible).length;
  const now = counted.filter((n) => n.master_candidate).length;
  return { now, should: Math.min(max, poolSize), max };
}

/**
 * Ganeti's AdjustCandidatePool: promotes eligible non-candidates (in name
 * order) until the pool holds `should` candidates. Returns the promoted nodes.
 */
export function promoteCandidates(nodes: readonly Node[], poolSize: number, exceptions: readonly string[] = []): Node[] {
  const stats = candidateStats(nodes, poolSize, exceptions);
  const missing = stats.should - stats.now;
  if (missing <= 0) return [];
  return nodes
    .filter((n) => !exceptions.includes(n.uuid) && !n.master_candidate && eligible(n))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, missing)
    .map((n) => ({ ...n, master_candidate: true }));
}
