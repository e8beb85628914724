export type { FieldDefinition, FieldKind } from './field-definition';
export { ResultStatus, FieldStatus, toFieldValue, type FieldValue } from './result-status';
export { FieldTable, type FieldGetter, type QueryField } from './field-table';
export { compileFilter, type ItemFilter, type FieldResolver } from './compile-filter';
export { QueryFilterError } from './query-filter-error';
export { runQuery, describeFields, type QueryResult } from './run-query';
export { ganetiFieldDefinitions } from './ganeti-field-definitions';
