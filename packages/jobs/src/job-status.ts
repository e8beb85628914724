/** Job and opcode statuses, Ganeti's strings. */
export type JobStatus = 'queued' | 'waiting' | 'canceling' | 'running' | 'success' | 'error' | 'canceled';

/** Statuses after which nothing changes any more. */
export const finalizedStatuses: readonly JobStatus[] = ['success', 'error', 'canceled'];

export function isFinalized(status: JobStatus): boolean {
  return status === 'success' || status === 'error' || status === 'canceled';
}

/**
 * Ganeti's derivation of a job's status from its opcodes': all success is
 * success; else the first canceling/error/canceled opcode decides; else the
 * last waiting/running one; else queued.
 */
export function deriveJobStatus(opStatuses: readonly JobStatus[]): JobStatus {
  if (opStatuses.length > 0 && opStatuses.every((s) => s === 'success')) return 'success';
  const decisive = opStatuses.find((s) => s === 'canceling' || s === 'error' || s === 'canceled');
  if (decisive) return decisive;
  let active: JobStatus | undefined;
  for (const s of opStatuses) if (s === 'waiting' || s === 'running') active = s;
  return active ?? 'queued';
}
