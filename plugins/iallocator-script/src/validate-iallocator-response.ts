import { PluginError, type IallocatorRequest, type IallocatorResponse } from '@corral/contracts';

const EVACUATION_OPCODES = ['OP_INSTANCE_FAILOVER', 'OP_INSTANCE_MIGRATE', 'OP_INSTANCE_REPLACE_DISKS'];

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Why a successful `result` does not fit the request type, or null when it fits (§5.6). */
function resultProblem(request: IallocatorRequest, result: unknown): string | null {
  const json = JSON.stringify(result);
  switch (request.type) {
    case 'allocate':
    case 'relocate': {
      if (!isStringList(result)) return `expected a list of node names, got ${json}`;
      const required = request.required_nodes;
      if (request.type === 'allocate' && result.length !== required) {
        return `returned ${result.length} node(s) (${result.join(', ')}), but the request required ${required}`;
      }
      return null;
    }
    case 'allocate-secondary':
      return typeof result === 'string' ? null : `expected a single node name, got ${json}`;
    case 'multi-allocate': {
      if (!Array.isArray(result) || result.length !== 2) return `expected [allocated, failed], got ${json}`;
      const [allocated, failed] = result as unknown[];
      const okAllocated =
        Array.isArray(allocated) &&
        allocated.every((a) => Array.isArray(a) && a.length === 2 && typeof a[0] === 'string' && isStringList(a[1]));
      if (!okAllocated) return `expected allocated as [[instance, [nodes]], ...], got ${JSON.stringify(allocated)}`;
      if (!isStringList(failed)) return `expected failed as a list of instance names, got ${JSON.stringify(failed)}`;
      return null;
    }
    case 'node-evacuate':
    case 'change-group': {
      if (!Array.isArray(result) || result.length !== 3) return `expected [moved, failed, jobs], got ${json}`;
      const [moved, failed, jobs] = result as unknown[];
      const okMoved =
        Array.isArray(moved) &&
        moved.every((m) => Array.isArray(m) && m.length === 3 && typeof m[0] === 'string' && typeof m[1] === 'string' && isStringList(m[2]));
      if (!okMoved) return `expected moved as [[instance, group, [nodes]], ...], got ${JSON.stringify(moved)}`;
      const okFailed =
        Array.isArray(failed) && failed.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && (f[1] === null || typeof f[1] === 'string'));
      if (!okFailed) return `expected failed as [[instance, reason or null], ...], got ${JSON.stringify(failed)}`;
      if (!Array.isArray(jobs) || !jobs.every((job) => Array.isArray(job))) return `expected jobs as a list of opcode lists, got ${JSON.stringify(jobs)}`;
      for (const job of jobs as unknown[][]) {
        for (const op of job) {
          const id = typeof op === 'object' && op !== null ? (op as Record<string, unknown>).OP_ID : undefined;
          if (typeof id !== 'string' || !EVACUATION_OPCODES.includes(id)) {
            return `a job holds opcode ${JSON.stringify(id ?? op)}; only ${EVACUATION_OPCODES.join(', ')} are allowed`;
          }
        }
      }
      return null;
    }
  }
}

/**
 * Checks an allocator's raw output against Ganeti's §5.6 rules and returns
 * the response; a bad answer becomes PluginError('iallocator') saying
 * exactly what is wrong. Legacy `nodes` is accepted in place of `result`.
 */
export function validateIallocatorResponse(request: IallocatorRequest, output: string, allocator: string): IallocatorResponse {
  const fail = (why: string): never => {
    throw new PluginError('iallocator', `Can't parse iallocator results from '${allocator}': ${why}`, allocator);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(output);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message}); output was: ${output.trim().slice(0, 500)}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return fail(`not a dict: ${output.trim().slice(0, 500)}`);
  const dict = { ...(doc as Record<string, unknown>) };
  if (!('result' in dict) && 'nodes' in dict) dict.result = dict.nodes;
  for (const key of ['success', 'info', 'result']) if (!(key in dict)) fail(`required key '${key}' missing`);
  if (typeof dict.success !== 'boolean') fail(`'success' must be a boolean, got ${JSON.stringify(dict.success)}`);
  if (typeof dict.info !== 'string') fail(`'info' must be a string, got ${JSON.stringify(dict.info)}`);
  if (dict.success) {
    const problem = resultProblem(request, dict.result);
    if (problem) fail(`invalid result for a '${request.type}' request: ${problem}`);
  }
  return { success: dict.success as boolean, info: dict.info as string, result: dict.result as IallocatorResponse['result'] };
}
