/** Ganeti's MiB conversion for storage figures: bytes / 2^20, rounded to nearest. */
export function bytesToMib(bytes: number): number {
  return Math.round(bytes / 1048576);
}
