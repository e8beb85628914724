#!/usr/bin/env node
import { formatBenchTable, type BenchRow } from './bench-row';
import { runBulkProjectionBench } from './bulk-projection-bench';
import { runInstancesBulkBench } from './instances-bulk-bench';
import { pendingBenchRows } from './pending-benches';
import { runRapiBasicsBench } from './rapi-basics-bench';
import { seedInstances } from './seed-instances';
import { runStartupBench } from './startup-bench';

/**
 * `npm run bench`: runs every benchmark on loopback and prints one table.
 * `--quick` applies a small load (a smoke run, not figures to publish).
 */
async function main(argv: readonly string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const rows: BenchRow[] = [];
  rows.push(...(await runRapiBasicsBench({ quick })));
  rows.push(...(await runStartupBench({ quick })));
  rows.push(...runBulkProjectionBench({ quick }));
  rows.push(...(await runInstancesBulkBench(seedInstances, { quick })));
  rows.push(...pendingBenchRows());
  process.stdout.write(`${formatBenchTable(rows)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
