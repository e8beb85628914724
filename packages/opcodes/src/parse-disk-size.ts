import { GanetiError } from '@corral/model';

const UNITS: Record<string, number> = { m: 1, g: 1024, t: 1024 * 1024 };

/**
 * Ganeti's ParseUnit for disk sizes: a MiB integer, or a string with an
 * optional unit (`512`, `512M`, `10G`, `1gb`, `1.5t`), rounded up to a
 * multiple of 4 MiB. Anything else is a `wrong_input` error.
 */
export function parseDiskSize(value: unknown, index: number): number {
  let mib: number;
  if (typeof value === 'number' && Number.isFinite(value)) {
    mib = value;
  } else if (typeof value === 'string') {
    const match = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-zA-Z]*)\s*$/.exec(value);
    const unit = match?.[2]?.toLowerCase() ?? '';
    const factor = unit === '' ? 1 : UNITS[unit[0]!];
    if (!match || factor === undefined || !['', unit[0], `${unit[0]}b`, `${unit[0]}ib`].includes(unit)) {
      throw GanetiError.prereq(`Invalid disk size '${value}' for disk ${index}`, 'wrong_input');
    }
    mib = Number(match[1]) * factor;
  } else {
    throw GanetiError.prereq(`Invalid disk size '${String(value)}' for disk ${index}`, 'wrong_input');
  }
  if (!(mib > 0)) throw GanetiError.prereq(`Invalid disk size '${String(value)}' for disk ${index}`, 'wrong_input');
  return Math.ceil(Math.ceil(mib) / 4) * 4;
}
