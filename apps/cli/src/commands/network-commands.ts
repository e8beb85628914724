import type { Command } from '../command';
import { parseKeyValues } from '../key-values';
import { infoCommand, listCommand } from './list-command';
import { jobSubmitting } from './job-submitting';

/** `corral network ...`, in the style of gnt-network. */
export const networkCommands: Command[] = [
  listCommand('network', 'List networks', async (ctx) => ctx.client.getNetworksBulk(), ['name', 'network', 'gateway', 'free_count', 'reserved_count']),
  infoCommand('network', 'Show one network', (ctx, name) => ctx.client.getNetwork(name)),
  {
    words: ['network', 'add'],
    summary: 'Create a network (a job)',
    usage: '--network CIDR [--gateway IP] [--mac-prefix PREFIX] NAME',
    options: { network: { type: 'string' }, gateway: { type: 'string', short: 'g' }, 'mac-prefix': { type: 'string', short: 'm' } },
    args: 1,
    run: async (ctx) => {
      const o = ctx.options;
      return ctx.job(
        await ctx.client.createNetwork(ctx.args[0], String(o.network ?? ''), {
          ...(typeof o.gateway === 'string' ? { gateway: o.gateway } : {}),
          ...(typeof o['mac-prefix'] === 'string' ? { mac_prefix: o['mac-prefix'] } : {}),
        }),
      );
    },
  },
  { words: ['network', 'remove'], summary: 'Remove a network (a job)', usage: 'NAME', args: 1, run: jobSubmitting((ctx) => ctx.client.deleteNetwork(ctx.args[0])) },
  {
    words: ['network', 'connect'],
    summary: 'Connect a network to a node group (a job)',
    usage: 'NAME GROUP MODE LINK',
    args: 4,
    run: jobSubmitting((ctx) => ctx.client.connectNetwork(ctx.args[0], ctx.args[1], ctx.args[2], ctx.args[3])),
  },
  {
    words: ['network', 'disconnect'],
    summary: 'Disconnect a network from a node group (a job)',
    usage: 'NAME GROUP',
    args: 2,
    run: jobSubmitting((ctx) => ctx.client.disconnectNetwork(ctx.args[0], ctx.args[1])),
  },
  {
    words: ['network', 'modify'],
    summary: 'Change network parameters, given as key=value,... (a job)',
    usage: 'NAME KEY=VALUE[,KEY=VALUE...]',
    args: 2,
    run: jobSubmitting((ctx) => ctx.client.modifyNetwork(ctx.args[0], parseKeyValues(ctx.args[1]))),
  },
];
