import { GanetiError } from '@corral/model';

const ISPEC_KEYS = ['memory-size', 'disk-size', 'disk-count', 'cpu-count', 'nic-count', 'spindle-use'];
const POLICY_KEYS = ['minmax', 'std', 'spindle-ratio', 'vcpu-ratio', 'disk-templates'];
const DISK_TEMPLATES = ['blockdev', 'diskless', 'drbd', 'ext', 'file', 'gluster', 'plain', 'rbd', 'sharedfile'];

const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkIspec(spec: unknown, where: string): void {
  if (!isDict(spec)) throw GanetiError.prereq(`Invalid ${where} in ipolicy: not a dictionary`, 'wrong_input');
  for (const [key, value] of Object.entries(spec)) {
    if (!ISPEC_KEYS.includes(key)) throw GanetiError.prereq(`Invalid key in ipolicy ${where}: '${key}'`, 'wrong_input');
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw GanetiError.prereq(`Invalid value for ipolicy ${where} '${key}': ${JSON.stringify(value)}`, 'wrong_input');
    }
  }
}

/**
 * Checks an instance policy (or the part of one a group overrides): known
 * keys, instance specs of known parameters with non-negative integers,
 * min <= max, positive ratios and known disk templates.
 */
export function checkIpolicy(policy: Readonly<Record<string, unknown>>): void {
  for (const key of Object.keys(policy)) {
    if (!POLICY_KEYS.includes(key)) throw GanetiError.prereq(`Invalid keys in ipolicy: ${key}`, 'wrong_input');
  }
  for (const key of ['spindle-ratio', 'vcpu-ratio']) {
    const value = policy[key];
    if (value !== undefined && (typeof value !== 'number' || !(value > 0))) {
      throw GanetiError.prereq(`Invalid value for ipolicy parameter '${key}': ${JSON.stringify(value)}`, 'wrong_input');
    }
  }
  if (policy.std !== undefined) checkIspec(policy.std, 'std');
  if (policy.minmax !== undefined) {
    if (!Array.isArray(policy.minmax) || policy.minmax.length === 0) throw GanetiError.prereq('Invalid ipolicy minmax: a non-empty list is needed', 'wrong_input');
    for (const pair of policy.minmax) {
      if (!isDict(pair) || !isDict(pair.min) || !isDict(pair.max)) throw GanetiError.prereq('Invalid ipolicy minmax: each entry needs min and max', 'wrong_input');
      checkIspec(pair.min, 'min');
      checkIspec(pair.max, 'max');
      for (const [key, min] of Object.entries(pair.min)) {
        const max = pair.max[key];
        if (typeof max === 'number' && (min as number) > max) {
          throw GanetiError.prereq(`Invalid ipolicy minmax: min ${key} (${String(min)}) is larger than max (${max})`, 'wrong_input');
        }
      }
    }
  }
  if (policy['disk-templates'] !== undefined) {
    const templates = policy['disk-templates'];
    if (!Array.isArray(templates)) throw GanetiError.prereq("Invalid ipolicy 'disk-templates': a list is needed", 'wrong_input');
    const unknown = templates.filter((t) => !DISK_TEMPLATES.includes(t as string));
    if (unknown.length > 0) throw GanetiError.prereq(`Invalid disk template(s) in ipolicy: ${unknown.join(', ')}`, 'wrong_input');
  }
}
