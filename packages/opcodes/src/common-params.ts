import { ht, type ParamSpec } from './param-spec';

const dependency = (v: unknown): boolean =>
  Array.isArray(v) && v.length === 2 && ht.int(v[0]) && ht.listOf(ht.oneOf('success', 'error', 'canceled'))(v[1]);

/** Fields every opcode has, in Ganeti 3.0's order in a job's `ops`. */
export const commonParams: readonly ParamSpec[] = [
  { name: 'dry_run', check: ht.bool, default: false },
  { name: 'debug_level', check: (v) => ht.int(v) && (v as number) >= 0, default: 0 },
  { name: 'priority', check: (v) => ht.int(v) && (v as number) >= -20 && (v as number) <= 19, default: 0 },
  { name: 'depends', check: ht.maybe(ht.listOf(dependency)), default: null },
  { name: 'comment', check: ht.maybe(ht.string), default: null },
  {
    name: 'reason',
    check: ht.listOf((e) => Array.isArray(e) && e.length === 3 && ht.string(e[0]) && ht.string(e[1]) && ht.number(e[2])),
    default: () => [],
  },
];
