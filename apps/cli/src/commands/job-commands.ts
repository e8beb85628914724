import type { JobInfo } from '@corral/client';
import { UsageError } from '../cli-error';
import type { Command, CommandContext } from '../command';
import { followJob } from '../output/follow-job';
import { listOptions, printRows } from './list-command';

function jobId(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`Invalid job id '${text}'`);
  return Number(text);
}

function ts(value: unknown): string | null {
  return Array.isArray(value) ? new Date((value[0] as number) * 1000 + (value[1] as number) / 1000).toISOString() : null;
}

function describeJob(info: JobInfo): string {
  const lines = [
    `Job ID: ${info.id}`,
    `  Status: ${info.status}`,
    `  Received: ${ts(info.received_ts) ?? '-'}`,
    `  Started: ${ts(info.start_ts) ?? '-'}`,
    `  Ended: ${ts(info.end_ts) ?? '-'}`,
    '  Opcodes:',
  ];
  info.summary.forEach((summary, i) => {
    lines.push(`    ${summary}`, `      Status: ${info.opstatus[i]}`, `      Result: ${JSON.stringify(info.opresult[i])}`);
    for (const entry of info.oplog[i] ?? []) lines.push(`      ${ts(entry[1])} ${typeof entry[3] === 'string' ? entry[3] : JSON.stringify(entry[3])}`);
  });
  return lines.join('\n') + '\n';
}

/** `corral job list|info|wait|cancel`. */
export const jobCommands: Command[] = [
  {
    words: ['job', 'list'],
    summary: 'List the jobs in the queue',
    usage: '[-o FIELD,...]',
    options: listOptions,
    args: 0,
    run: async (ctx: CommandContext) => {
      const jobs = (await ctx.client.getJobsBulk()) as Record<string, unknown>[];
      printRows(ctx, jobs, ['id', 'status', 'summary'], ['id', 'status', 'summary']);
      return 0;
    },
  },
  {
    words: ['job', 'info'],
    summary: 'Show a job with its opcodes, results and log',
    usage: 'ID',
    args: 1,
    run: async (ctx) => {
      const info = await ctx.client.getJobStatus(jobId(ctx.args[0]));
      ctx.print(info, () => describeJob(info));
      return 0;
    },
  },
  {
    words: ['job', 'wait'],
    summary: 'Follow a job to its end, showing its log; exit 0 only if it succeeded',
    usage: 'ID',
    args: 1,
    run: async (ctx) => {
      const { code, info } = await followJob(ctx.client, jobId(ctx.args[0]), ctx.io);
      if (ctx.json) ctx.print(info);
      return code;
    },
  },
  {
    words: ['job', 'cancel'],
    summary: 'Cancel a queued or waiting job',
    usage: 'ID',
    args: 1,
    run: async (ctx) => {
      const [ok, message] = await ctx.client.cancelJob(jobId(ctx.args[0]));
      ctx.print([ok, message], () => `${message}\n`);
      return ok ? 0 : 1;
    },
  },
];
