export type { FieldDefinition, FieldKind } from './field-definition';
export { ResultStatus, FieldStatus, toFieldValue, type FieldValue } from './result-status';
export { FieldTable, type FieldGetter, type QueryField } from './field-table';
export { compileFilter, type ItemFilter, type FieldResolver } from './compile-filter';
export { QueryFilterError } from './query-filter-error';
export { runQuery, type QueryResult } from './run-query';
export { describeFields } from './describe-fields';
export { filterFieldNames } from './filter-field-names';
export { ganetiFieldDefinitions } from './ganeti-field-definitions';
