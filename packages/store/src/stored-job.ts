/**
 * A job as the store keeps it: its integer id, whether it was archived, and
 * the job itself as an opaque JSON-serialisable document owned by the queue.
 */
export interface StoredJob {
  readonly id: number;
  readonly archived: boolean;
  readonly data: unknown;
}
