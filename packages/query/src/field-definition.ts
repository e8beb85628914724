/** Ganeti's field kinds (`constants.QFT_*`), as the query resources report them. */
export type FieldKind = 'text' | 'number' | 'float' | 'bool' | 'unit' | 'timestamp' | 'other' | 'unknown';

/** How a query field is described to clients: `{"name", "title", "kind", "doc"}`. */
export interface FieldDefinition {
  readonly name: string;
  readonly title: string;
  readonly kind: FieldKind;
  readonly doc: string;
}
