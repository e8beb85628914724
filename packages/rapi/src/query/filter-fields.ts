import type { FilterRule } from '@corral/model';
import { FieldTable } from '@corral/query';

/** Ganeti 3.0's filter rule fields (query resource `filter`); also the `/2/filters` bulk fields. */
export const filterFields: FieldTable<FilterRule> = FieldTable.fromGetters<FilterRule>('filter', {
  watermark: (f) => f.watermark,
  priority: (f) => f.priority,
  predicates: (f) => f.predicates,
  action: (f) => f.action,
  reason_trail: (f) => f.reason_trail,
  uuid: (f) => f.uuid,
});

/** `/2/filters?bulk=1` and `/2/filters/[uuid]`, Ganeti 3.0's order. */
export const FILTER_BULK_FIELDS: readonly string[] = ['watermark', 'priority', 'predicates', 'action', 'reason_trail', 'uuid'];
