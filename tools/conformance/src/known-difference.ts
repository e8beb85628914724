import type { Difference, DifferenceKind } from './difference';

/**
 * A difference that is expected, and why. `deliberate` ones are Corral's
 * choices, each a row of docs/compatibility.md; `environment` ones come from
 * comparing two different clusters (names, paths, sizes), not from Corral.
 */
export interface KnownDifference {
  readonly id: string;
  readonly class: 'deliberate' | 'environment';
  readonly kind?: readonly DifferenceKind[];
  /** Matched against the request's name in the script (e.g. `-poll-first$`). */
  readonly request?: RegExp;
  /** Matched against `METHOD path`. */
  readonly target?: RegExp;
  /** Matched against the difference's `where`. */
  readonly where?: RegExp;
  readonly reason: string;
}

/** The known difference that covers `d`, if any. */
export function findKnownDifference(d: Difference, known: readonly KnownDifference[]): KnownDifference | undefined {
  return known.find(
    (k) => (!k.kind || k.kind.includes(d.kind)) && (!k.request || k.request.test(d.request)) && (!k.target || k.target.test(d.target)) && (!k.where || k.where.test(d.where)),
  );
}
