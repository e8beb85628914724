import type { InstancePolicy } from './cluster';

/** The figures of an instance an instance policy bounds. */
export interface IpolicyInstanceSpec {
  readonly memory: number;
  readonly vcpus: number;
  readonly nicCount: number;
  readonly spindleUse: number | null;
  readonly diskSizes: readonly number[];
  readonly diskTemplate: string;
}

/** A group's effective instance policy: the cluster's with the group's own values laid over it. */
export function effectiveIpolicy(cluster: InstancePolicy, group: Partial<InstancePolicy> | undefined): InstancePolicy {
  return { ...cluster, ...(group ?? {}) };
}

/**
 * Ganeti's ComputeIPolicySpecViolation: the disk template must be allowed,
 * and the figures must fit one of the min/max pairs (the pair with the
 * fewest violations is reported). Diskless instances skip the disk count.
 * Returns Ganeti's messages, empty when the instance complies.
 */
export function ipolicyViolations(policy: InstancePolicy, spec: IpolicyInstanceSpec): string[] {
  const problems: string[] = [];
  if (!policy['disk-templates'].includes(spec.diskTemplate)) {
    problems.push(`Disk template ${spec.diskTemplate} is not allowed (allowed templates ${policy['disk-templates'].join(', ')})`);
  }
  const settings: [string, number | null][] = [
    ['memory-size', spec.memory],
    ['cpu-count', spec.vcpus],
    ['nic-count', spec.nicCount],
    ['spindle-use', spec.spindleUse],
    ...spec.diskSizes.map((size, i): [string, number] => [`disk-size/${i}`, size]),
  ];
  if (spec.diskTemplate !== 'diskless') settings.push(['disk-count', spec.diskSizes.length]);
  let fewest: string[] | null = null;
  for (const { min, max } of policy.minmax) {
    const errors: string[] = [];
    for (const [name, value] of settings) {
      if (value === null) continue;
      const key = name.split('/')[0]!;
      const lo = min[key];
      const hi = max[key];
      if (lo === undefined || hi === undefined) continue;
      if (value < lo || value > hi) errors.push(`${name} value ${value} is not in range [${lo}, ${hi}]`);
    }
    if (fewest === null || errors.length < fewest.length) fewest = errors;
  }
  return [...problems, ...(fewest ?? [])];
}
