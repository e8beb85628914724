import type { JobId, NodeRole } from '@corral/client';
import { UsageError } from '../cli-error';
import type { Command } from '../command';
import { parseKeyValues } from '../key-values';
import { infoCommand, listCommand } from './list-command';
import { jobSubmitting } from './job-submitting';

const ROLES = ['master-candidate', 'regular', 'drained', 'offline'] as const;

/** `corral node ...`, in the style of gnt-node. */
export const nodeCommands: Command[] = [
  listCommand('node', 'List nodes', async (ctx) => ctx.client.getNodesBulk(), ['name', 'role', 'mtotal', 'mfree', 'dtotal', 'dfree', 'pinst_cnt', 'sinst_cnt']),
  infoCommand('node', 'Show one node', (ctx, name) => ctx.client.getNode(name)),
  {
    words: ['node', 'role'],
    summary: 'Show a node\'s role, or set it (a job)',
    usage: '[--force] [--auto-promote] NAME [master-candidate|regular|drained|offline]',
    options: { force: { type: 'boolean', short: 'f' }, 'auto-promote': { type: 'boolean' } },
    args: [1, 2],
    run: async (ctx) => {
      const [name, role] = ctx.args;
      if (role === undefined) {
        const current = await ctx.client.getNodeRole(name);
        ctx.print(current, () => `${current}\n`);
        return 0;
      }
      if (!ROLES.includes(role as (typeof ROLES)[number])) throw new UsageError(`Can't set role '${role}'; one of ${ROLES.join(', ')}`);
      return ctx.job(
        await ctx.client.setNodeRole(name, role as Exclude<NodeRole, 'master'>, {
          force: ctx.options.force === true,
          autoPromote: ctx.options['auto-promote'] === true,
        }),
      );
    },
  },
  {
    words: ['node', 'evacuate'],
    summary: 'Move instances off a node (a job)',
    usage: '[--mode all|primary-only|secondary-only] [-I IALLOCATOR | -n REMOTE_NODE] NAME',
    options: { mode: { type: 'string' }, iallocator: { type: 'string', short: 'I' }, 'new-secondary': { type: 'string', short: 'n' } },
    args: 1,
    run: async (ctx) => {
      const mode = (ctx.options.mode as string | undefined) ?? 'all';
      if (!['all', 'primary-only', 'secondary-only'].includes(mode)) throw new UsageError(`Invalid mode '${mode}'`);
      return ctx.job(
        await ctx.client.evacuateNode(ctx.args[0], {
          mode: mode as 'all',
          ...(typeof ctx.options.iallocator === 'string' ? { iallocator: ctx.options.iallocator } : {}),
          ...(typeof ctx.options['new-secondary'] === 'string' ? { remote_node: ctx.options['new-secondary'] } : {}),
        }),
      );
    },
  },
  {
    words: ['node', 'migrate'],
    summary: 'Migrate all primary instances off a node (a job)',
    usage: '[--non-live] [-n TARGET] NAME',
    options: { 'non-live': { type: 'boolean' }, 'target-node': { type: 'string', short: 'n' } },
    args: 1,
    run: jobSubmitting((ctx) =>
      ctx.client.migrateNode(ctx.args[0], {
        ...(ctx.options['non-live'] ? { mode: 'non-live' as const } : {}),
        ...(typeof ctx.options['target-node'] === 'string' ? { target_node: ctx.options['target-node'] } : {}),
      }),
    ),
  },
  {
    words: ['node', 'add'],
    summary: 'Add a node to the cluster (a job; Corral-only /corral/nodes)',
    usage: '--local [-g GROUP] [--master-candidate yes|no] [--master-capable yes|no] [--vm-capable yes|no] NAME',
    options: {
      local: { type: 'boolean' },
      group: { type: 'string', short: 'g' },
      'master-candidate': { type: 'string' },
      'master-capable': { type: 'string' },
      'vm-capable': { type: 'string' },
    },
    args: 1,
    run: async (ctx) => {
      if (ctx.options.local !== true) throw new UsageError('Only local nodes can be added for now: pass --local');
      const yesNo = (option: string): { [key: string]: boolean } => {
        const value = ctx.options[option];
        if (value === undefined) return {};
        if (value !== 'yes' && value !== 'no') throw new UsageError(`--${option} takes yes or no`);
        return { [option.replace(/-/g, '_')]: value === 'yes' };
      };
      const body = {
        name: ctx.args[0],
        local: true,
        ...(typeof ctx.options.group === 'string' ? { group: ctx.options.group } : {}),
        ...yesNo('master-candidate'),
        ...yesNo('master-capable'),
        ...yesNo('vm-capable'),
      };
      return ctx.job(await ctx.client.request<JobId>({ method: 'POST', path: '/corral/nodes', body }));
    },
  },
  {
    words: ['node', 'remove'],
    summary: 'Remove a node without instances from the cluster (a job; Corral-only /corral/nodes)',
    usage: 'NAME',
    args: 1,
    run: jobSubmitting((ctx) => ctx.client.request<JobId>({ method: 'DELETE', path: `/corral/nodes/${encodeURIComponent(ctx.args[0]!)}` })),
  },
  {
    words: ['node', 'modify'],
    summary: 'Change node parameters, given as key=value,... (a job)',
    usage: 'NAME KEY=VALUE[,KEY=VALUE...]',
    args: 2,
    run: jobSubmitting((ctx) => ctx.client.modifyNode(ctx.args[0], parseKeyValues(ctx.args[1]))),
  },
];
