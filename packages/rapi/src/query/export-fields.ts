import type { Node } from '@corral/model';
import { FieldStatus, FieldTable } from '@corral/query';

/** An export row: Ganeti lists each node, with its exports (none kept by Corral yet: no data). */
export interface ExportRow {
  readonly node: Node;
  readonly export: string | null;
}

/** Ganeti 3.0's export fields (query resource `export`). */
export const exportFields: FieldTable<ExportRow> = FieldTable.fromGetters<ExportRow>('export', {
  node: (r) => r.node.name,
  export: (r) => r.export ?? FieldStatus.noData,
});
