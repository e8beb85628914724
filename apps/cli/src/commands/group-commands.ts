import type { Command } from '../command';
import { parseKeyValues } from '../key-values';
import { infoCommand, listCommand } from './list-command';
import { jobSubmitting } from './job-submitting';

/** `corral group ...`, in the style of gnt-group. */
export const groupCommands: Command[] = [
  listCommand('group', 'List node groups', async (ctx) => ctx.client.getGroupsBulk(), ['name', 'node_cnt', 'alloc_policy']),
  infoCommand('group', 'Show one node group', (ctx, name) => ctx.client.getGroup(name)),
  {
    words: ['group', 'add'],
    summary: 'Create a node group (a job)',
    usage: '[--alloc-policy preferred|last_resort|unallocable] NAME',
    options: { 'alloc-policy': { type: 'string' } },
    args: 1,
    run: jobSubmitting((ctx) =>
      ctx.client.createGroup(ctx.args[0], typeof ctx.options['alloc-policy'] === 'string' ? { alloc_policy: ctx.options['alloc-policy'] } : {}),
    ),
  },
  { words: ['group', 'remove'], summary: 'Remove an empty node group (a job)', usage: 'NAME', args: 1, run: jobSubmitting((ctx) => ctx.client.deleteGroup(ctx.args[0])) },
  {
    words: ['group', 'rename'],
    summary: 'Rename a node group (a job)',
    usage: 'NAME NEW_NAME',
    args: 2,
    run: jobSubmitting((ctx) => ctx.client.renameGroup(ctx.args[0], ctx.args[1])),
  },
  {
    words: ['group', 'modify'],
    summary: 'Change group parameters, given as key=value,... (a job)',
    usage: 'NAME KEY=VALUE[,KEY=VALUE...]',
    args: 2,
    run: jobSubmitting((ctx) => ctx.client.modifyGroup(ctx.args[0], parseKeyValues(ctx.args[1]))),
  },
  {
    words: ['group', 'assign-nodes'],
    summary: 'Move nodes into a group (a job)',
    usage: '[--force] NAME NODE...',
    options: { force: { type: 'boolean', short: 'f' } },
    args: [2, Infinity],
    run: jobSubmitting((ctx) => ctx.client.assignGroupNodes(ctx.args[0], ctx.args.slice(1), { force: ctx.options.force === true })),
  },
];
