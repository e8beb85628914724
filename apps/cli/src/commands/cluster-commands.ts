import type { Command } from '../command';
import { parseKeyValues } from '../key-values';
import { infoCommand } from './list-command';
import { jobSubmitting } from './job-submitting';

/** Cluster-wide commands: info, version, features, os list, redistribute-config, modify. */
export const clusterCommands: Command[] = [
  { ...infoCommand('cluster', 'Show the cluster parameters (/2/info)', (ctx) => ctx.client.getInfo()), usage: '', args: 0 },
  {
    words: ['cluster', 'version'],
    summary: 'Show the RAPI version and the software version',
    usage: '',
    args: 0,
    run: async (ctx) => {
      const [version, info] = await Promise.all([ctx.client.getVersion(), ctx.client.getInfo()]);
      const value = { rapi_version: version, software_version: info.software_version, vcs_version: info.vcs_version };
      ctx.print(value, () => `RAPI version: ${version}\nSoftware version: ${String(info.software_version)}\n${String(info.vcs_version)}\n`);
      return 0;
    },
  },
  {
    words: ['cluster', 'features'],
    summary: 'List the optional RAPI features the server has',
    usage: '',
    args: 0,
    run: async (ctx) => {
      const f = await ctx.client.getFeatures();
      ctx.print(f, () => f.map((x) => `${x}\n`).join(''));
      return 0;
    },
  },
  {
    words: ['cluster', 'redistribute-config'],
    summary: 'Push the configuration to all nodes (a job)',
    usage: '',
    args: 0,
    run: jobSubmitting((ctx) => ctx.client.redistributeConfig()),
  },
  {
    words: ['cluster', 'modify'],
    summary: 'Change cluster parameters, given as key=value,... (a job)',
    usage: 'KEY=VALUE[,KEY=VALUE...]',
    args: 1,
    run: jobSubmitting((ctx) => ctx.client.modifyCluster(parseKeyValues(ctx.args[0]))),
  },
  {
    words: ['os', 'list'],
    summary: 'List the operating system definitions (name+variant)',
    usage: '',
    args: 0,
    run: async (ctx) => {
      const list = await ctx.client.getOperatingSystems();
      ctx.print(list, () => list.map((x) => `${x}\n`).join(''));
      return 0;
    },
  },
];
