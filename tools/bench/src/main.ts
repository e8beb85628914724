#!/usr/bin/env node
import { formatBenchTable, type BenchRow } from './bench-row';
import { runBulkProjectionBench } from './bulk-projection-bench';
import { runInstancesBulkBench } from './instances-bulk-bench';
import { jobThroughputRows, runJobThroughput } from './job-throughput';
import { benchAgent } from './json-call';
import { runRapiBasicsBench } from './rapi-basics-bench';
import { runReadLoadMemoryBench } from './read-load-memory-bench';
import { runStartupBench } from './startup-bench';
import { runWaitWakeupBench } from './wait-wakeup-bench';

/** Concurrent job clients of benchmark (c). */
const JOB_CLIENTS = 20;

/**
 * `npm run bench`: runs every benchmark on loopback and prints one table.
 * `--quick` applies a small load (a smoke run, not figures to publish).
 * Progress goes to stderr, the table to stdout.
 */
async function main(argv: readonly string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const rows: BenchRow[] = [];
  const step = async (name: string, run: () => Promise<BenchRow[]>): Promise<void> => {
    const t0 = performance.now();
    process.stderr.write(`bench: ${name}...`);
    rows.push(...(await run()));
    process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  };
  await step('(a) /version and /2/info', () => runRapiBasicsBench({ quick }));
  await step('(b) /2/instances?bulk=1', () => runInstancesBulkBench({ quick }));
  await step('(b) bulk projection alone', async () => runBulkProjectionBench({ quick }));
  await step('(c) job throughput', async () => jobThroughputRows(await runJobThroughput({ clients: JOB_CLIENTS, seconds: quick ? 3 : 20 })));
  await step('memory under sustained read load', () => runReadLoadMemoryBench({ quick }));
  await step('(d) wait-for-change wake-up', () => runWaitWakeupBench({ quick }));
  await step('(e) start-up', () => runStartupBench({ quick }));
  benchAgent.destroy();
  process.stdout.write(`${formatBenchTable(rows)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
