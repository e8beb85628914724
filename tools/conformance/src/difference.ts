/** What kind of disagreement a difference is. */
export type DifferenceKind =
  | 'connection'
  | 'status'
  | 'header'
  | 'content-length'
  | 'body-format'
  | 'type'
  | 'missing-key'
  | 'extra-key'
  | 'key-order'
  | 'value'
  | 'array-length'
  | 'array-order';

/** One disagreement between the reference's response and ours for the same request. */
export interface Difference {
  /** The request's name in the script. */
  readonly request: string;
  /** `METHOD path`, for matching and reading. */
  readonly target: string;
  readonly kind: DifferenceKind;
  /** `status`, `header:<name>`, or `body` plus a JSON path such as `body$.hvparams.kvm`. */
  readonly where: string;
  readonly reference: string;
  readonly ours: string;
}
