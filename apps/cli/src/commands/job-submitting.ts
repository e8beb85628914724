import type { JobId } from '@corral/client';
import type { CommandContext } from '../command';

/**
 * The `run` of a command that submits one job and follows it (or prints its
 * id with `--submit`): most commands that change the cluster.
 */
export function jobSubmitting(submit: (ctx: CommandContext) => Promise<JobId>): (ctx: CommandContext) => Promise<number> {
  return async (ctx) => ctx.job(await submit(ctx));
}
