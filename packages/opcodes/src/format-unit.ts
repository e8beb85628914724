/** Ganeti's utils.FormatUnit(value, "h"): MiB below 1 GiB (`512M`), then GiB (`1.0G`) or TiB with one decimal. */
export function formatUnit(mib: number): string {
  if (mib < 1024) return `${Math.round(mib)}M`;
  if (mib < 1024 * 1024) return `${(mib / 1024).toFixed(1)}G`;
  return `${(mib / 1024 / 1024).toFixed(1)}T`;
}
