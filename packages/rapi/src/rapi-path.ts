/** A name segment as Ganeti routes it: Unicode word characters, `.`, `_` and `-` (the path is never percent-decoded). */
const NAME_SEGMENT = String.raw`[\p{L}\p{N}_.\-]+`;
/** Groups that are numbers in Ganeti's routes (job ids, disk indices). */
const NUMERIC = new Set(['id', 'disk']);

/**
 * An anchored route pattern from a template such as
 * `/2/instances/:name/disk/:disk/grow`: `:id` and `:disk` match digits,
 * every other `:group` a Ganeti name segment, each as a named group. One
 * rule for every resource, so `/2/instances/a%3Ab/...` or `/2/jobs/abc`
 * is a 404 everywhere, as in Ganeti.
 */
export function rapiPath(template: string): RegExp {
  const source = template.replace(/:([a-z]+)/g, (_m, group: string) => `(?<${group}>${NUMERIC.has(group) ? String.raw`\d+` : NAME_SEGMENT})`);
  return new RegExp(`^${source}$`, 'u');
}
