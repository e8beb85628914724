/** Every field name a filter mentions (`[op, field, ...]` at any depth). */
export function filterFieldNames(filter: unknown): string[] {
  if (!Array.isArray(filter) || typeof filter[0] !== 'string') return [];
  const [op, ...rest] = filter as [string, ...unknown[]];
  if (op === '|' || op === '&' || op === '!') return rest.flatMap(filterFieldNames);
  return typeof rest[0] === 'string' ? [rest[0]] : [];
}
