/** Ganeti's per-value status codes (`constants.RS_*`). */
export const ResultStatus = {
  normal: 0,
  unknown: 1,
  noData: 2,
  unavailable: 3,
  offline: 4,
} as const;

export type ResultStatus = (typeof ResultStatus)[keyof typeof ResultStatus];

/**
 * What a field getter returns when it has no value: the status it reports
 * instead (no data, unavailable, offline node). Any other return is a
 * normal value.
 */
export class FieldStatus {
  private constructor(readonly status: ResultStatus) {}

  static readonly noData = new FieldStatus(ResultStatus.noData);
  static readonly unavailable = new FieldStatus(ResultStatus.unavailable);
  static readonly offline = new FieldStatus(ResultStatus.offline);
}

/** One value of a query answer: `[status, value]`, value null unless normal. */
export type FieldValue = [ResultStatus, unknown];

/** The `[status, value]` pair of a getter's result. */
export function toFieldValue(result: unknown): FieldValue {
  return result instanceof FieldStatus ? [result.status, null] : [ResultStatus.normal, result];
}
