/**
 * Splits `pvs`/`vgs`/`lvs` output printed with `--noheadings --separator |`
 * into rows; lines with the wrong field count are skipped, as Ganeti does.
 */
export function parseLvmTable(output: string, fieldCount: number): string[][] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split('|').map((f) => f.trim()))
    .filter((fields) => fields.length === fieldCount);
}

/** LVM's float MiB figures, rounded to nearest as Ganeti does. */
export function lvmMib(value: string): number {
  return Math.round(Number(value));
}
