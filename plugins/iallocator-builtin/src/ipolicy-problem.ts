import type { IallocatorIpolicy } from '@corral/contracts';

/** The instance figures an instance policy bounds. */
export interface PolicySpec {
  readonly memory: number;
  readonly vcpus: number;
  readonly diskTemplate: string;
  readonly diskSizes: readonly number[];
  readonly nicCount: number;
  readonly spindleUse: number;
}

/** Why the instance violates the policy (Ganeti's wording where it has one), or null. */
export function ipolicyProblem(policy: IallocatorIpolicy, spec: PolicySpec): string | null {
  if (!policy['disk-templates'].includes(spec.diskTemplate)) return `Disk template ${spec.diskTemplate} is not allowed (allowed templates ${policy['disk-templates'].join(', ')})`;
  if (policy.minmax.length === 0) return null;
  const values: [string, number][] = [
    ['memory-size', spec.memory],
    ['cpu-count', spec.vcpus],
    // Ganeti skips the disk count for diskless instances (ComputeIPolicySpecViolation).
    ...(spec.diskTemplate === 'diskless' ? [] : [['disk-count', spec.diskSizes.length] as [string, number]]),
    ['nic-count', spec.nicCount],
    ['spindle-use', spec.spindleUse],
    ...spec.diskSizes.map((s): [string, number] => ['disk-size', s]),
  ];
  let firstProblem: string | null = null;
  for (const { min, max } of policy.minmax) {
    const bad = values.find(([key, value]) => (min[key] !== undefined && value < min[key]) || (max[key] !== undefined && value > max[key]));
    if (!bad) return null;
    firstProblem ??= `${bad[0]} value ${bad[1]} is not in range [${min[bad[0]]}, ${max[bad[0]]}]`;
  }
  return firstProblem;
}
