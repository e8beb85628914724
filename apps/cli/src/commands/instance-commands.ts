import { UsageError } from '../cli-error';
import type { Command, CommandContext } from '../command';
import { parseIndexedSpec, parseKeyValues } from '../key-values';
import { infoCommand, listCommand } from './list-command';
import { jobSubmitting } from './job-submitting';

const each = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);

/** `--disk 0:size=1G,mode=rw` / `-s 1G` and `--net 0:ip=...,link=...` into RAPI v1 lists. */
function indexedList(specs: string[], what: string): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  specs.forEach((spec, i) => {
    const { index, params } = parseIndexedSpec(spec);
    const at = index ?? i;
    if (list[at] !== undefined) throw new UsageError(`${what} ${at} given twice`);
    list[at] = params;
  });
  if (list.some((d) => d === undefined)) throw new UsageError(`${what} indices must be contiguous from 0`);
  return list;
}

function nodes(spec: string | undefined): { pnode?: string; snode?: string } {
  if (spec === undefined) return {};
  const [pnode, snode] = spec.split(':');
  return snode ? { pnode, snode } : { pnode };
}

const simple = (
  verb: string,
  summary: string,
  submit: (ctx: CommandContext, name: string) => Promise<number>,
  options: Command['options'] = {},
  usage = 'NAME',
): Command => ({ words: ['instance', verb], summary, usage, options, args: 1, run: jobSubmitting((ctx) => submit(ctx, ctx.args[0])) });

/** `corral instance ...`, in the style of gnt-instance. */
export const instanceCommands: Command[] = [
  listCommand('instance', 'List instances', async (ctx) => ctx.client.getInstancesBulk(), ['name', 'pnode', 'os', 'status', 'oper_ram']),
  infoCommand('instance', 'Show one instance', (ctx, name) => ctx.client.getInstance(name)),
  {
    words: ['instance', 'add'],
    summary: 'Create an instance (a job)',
    usage:
      '-t TEMPLATE -o OS [-n PNODE[:SNODE] | -I IALLOCATOR] [--disk [N:]size=SIZE,...]... [-s SIZE] [--net [N:]k=v,...]... ' +
      '[-B k=v,...] [-H k=v,...] [-O k=v,...] [--no-start] [--no-ip-check] [--no-name-check] [--dry-run] NAME',
    options: {
      'disk-template': { type: 'string', short: 't' },
      os: { type: 'string', short: 'o' },
      node: { type: 'string', short: 'n' },
      iallocator: { type: 'string', short: 'I' },
      disk: { type: 'string', multiple: true },
      'os-size': { type: 'string', short: 's' },
      net: { type: 'string', multiple: true },
      'no-nics': { type: 'boolean' },
      backend: { type: 'string', short: 'B' },
      hypervisor: { type: 'string', short: 'H' },
      'os-parameters': { type: 'string', short: 'O' },
      'no-start': { type: 'boolean' },
      'no-install': { type: 'boolean' },
      'no-ip-check': { type: 'boolean' },
      'no-name-check': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    },
    args: 1,
    run: async (ctx) => {
      const o = ctx.options;
      const template = o['disk-template'];
      if (typeof template !== 'string') throw new UsageError('The disk template (-t) is required');
      if (typeof o.os !== 'string') throw new UsageError('The OS (-o) is required');
      const diskSpecs = each(o.disk);
      if (typeof o['os-size'] === 'string') diskSpecs.unshift(`size=${o['os-size']}`);
      const disks = template === 'diskless' ? [] : indexedList(diskSpecs, 'Disk');
      if (template !== 'diskless' && disks.length === 0) throw new UsageError('At least one disk (--disk or -s) is needed');
      const nics = o['no-nics'] ? [] : each(o.net).length > 0 ? indexedList(each(o.net), 'NIC') : [{}];
      const params: Record<string, unknown> = {
        os_type: o.os,
        ...nodes(o.node as string | undefined),
        ...(typeof o.iallocator === 'string' ? { iallocator: o.iallocator } : {}),
        ...(typeof o.backend === 'string' ? { beparams: parseKeyValues(o.backend) } : {}),
        ...(typeof o.hypervisor === 'string' ? { hvparams: parseKeyValues(o.hypervisor) } : {}),
        ...(typeof o['os-parameters'] === 'string' ? { osparams: parseKeyValues(o['os-parameters']) } : {}),
        start: !o['no-start'],
        ...(o['no-install'] ? { no_install: true } : {}),
        ip_check: !o['no-ip-check'] && !o['no-name-check'],
        name_check: !o['no-name-check'],
      };
      return ctx.job(await ctx.client.createInstance('create', ctx.args[0], template, disks, nics, params, { dryRun: o['dry-run'] === true }));
    },
  },
  simple('remove', 'Remove an instance and its disks (a job)', (ctx, n) => ctx.client.deleteInstance(n, {}, { dryRun: ctx.options['dry-run'] === true }), {
    'dry-run': { type: 'boolean' },
  }),
  simple('startup', 'Start an instance (a job)', (ctx, n) => ctx.client.startupInstance(n, { force: ctx.options.force === true }), { force: { type: 'boolean', short: 'f' } }),
  simple(
    'shutdown',
    'Stop an instance (a job)',
    (ctx, n) =>
      ctx.client.shutdownInstance(
        n,
        { noRemember: ctx.options['no-remember'] === true },
        typeof ctx.options.timeout === 'string' ? { timeout: Number(ctx.options.timeout) } : {},
      ),
    { timeout: { type: 'string' }, 'no-remember': { type: 'boolean' } },
  ),
  simple(
    'reboot',
    'Reboot an instance (a job)',
    (ctx, n) => ctx.client.rebootInstance(n, { type: (ctx.options.type as 'soft' | 'hard' | 'full' | undefined) ?? undefined }),
    { type: { type: 'string' } },
  ),
  simple(
    'migrate',
    'Live-migrate an instance to its secondary or a target node (a job)',
    (ctx, n) =>
      ctx.client.migrateInstance(n, {
        ...(ctx.options['non-live'] ? { mode: 'non-live' as const } : {}),
        ...(ctx.options.cleanup ? { cleanup: true } : {}),
        ...(typeof ctx.options['target-node'] === 'string' ? { target_node: ctx.options['target-node'] } : {}),
      }),
    { 'non-live': { type: 'boolean' }, cleanup: { type: 'boolean' }, 'target-node': { type: 'string', short: 'n' } },
  ),
  simple(
    'failover',
    'Fail an instance over to another node (a job)',
    (ctx, n) =>
      ctx.client.failoverInstance(n, {
        ...(typeof ctx.options['target-node'] === 'string' ? { target_node: ctx.options['target-node'] } : {}),
        ...(ctx.options['ignore-consistency'] ? { ignore_consistency: true } : {}),
      }),
    { 'target-node': { type: 'string', short: 'n' }, 'ignore-consistency': { type: 'boolean' } },
  ),
  {
    words: ['instance', 'modify'],
    summary: 'Change instance parameters (a job)',
    usage: '[-B k=v,...] [-H k=v,...] [-O k=v,...] [--os-name OS] [--net add|remove|N[:k=v,...]] [--disk add:size=S|remove|N:k=v] NAME',
    options: {
      backend: { type: 'string', short: 'B' },
      hypervisor: { type: 'string', short: 'H' },
      'os-parameters': { type: 'string', short: 'O' },
      'os-name': { type: 'string' },
      net: { type: 'string', multiple: true },
      disk: { type: 'string', multiple: true },
      force: { type: 'boolean', short: 'f' },
    },
    args: 1,
    run: async (ctx) => {
      const o = ctx.options;
      const change = (spec: string): [string | number, Record<string, unknown>] => {
        const [op, rest = ''] = spec.split(/:(.*)/s);
        return [/^\d+$/.test(op) ? Number(op) : op, parseKeyValues(rest)];
      };
      const params: Record<string, unknown> = {
        ...(typeof o.backend === 'string' ? { beparams: parseKeyValues(o.backend) } : {}),
        ...(typeof o.hypervisor === 'string' ? { hvparams: parseKeyValues(o.hypervisor) } : {}),
        ...(typeof o['os-parameters'] === 'string' ? { osparams: parseKeyValues(o['os-parameters']) } : {}),
        ...(typeof o['os-name'] === 'string' ? { os_name: o['os-name'] } : {}),
        ...(each(o.net).length ? { nics: each(o.net).map(change) } : {}),
        ...(each(o.disk).length ? { disks: each(o.disk).map(change) } : {}),
        ...(o.force ? { force: true } : {}),
      };
      if (Object.keys(params).length === 0) throw new UsageError('Nothing to change');
      return ctx.job(await ctx.client.modifyInstance(ctx.args[0], params));
    },
  },
  {
    words: ['instance', 'rename'],
    summary: 'Rename an instance (a job)',
    usage: '[--no-ip-check] [--no-name-check] NAME NEW_NAME',
    options: { 'no-ip-check': { type: 'boolean' }, 'no-name-check': { type: 'boolean' } },
    args: 2,
    run: jobSubmitting((ctx) =>
      ctx.client.renameInstance(ctx.args[0], ctx.args[1], {
        ip_check: !ctx.options['no-ip-check'] && !ctx.options['no-name-check'],
        name_check: !ctx.options['no-name-check'],
      }),
    ),
  },
  simple(
    'reinstall',
    'Reinstall an instance\'s OS (a job: shutdown, reinstall, startup)',
    (ctx, n) =>
      ctx.client.reinstallInstance(n, {
        ...(typeof ctx.options.os === 'string' ? { os: ctx.options.os } : {}),
        start: !ctx.options['no-startup'],
        ...(typeof ctx.options['os-parameters'] === 'string' ? { osparams: parseKeyValues(ctx.options['os-parameters']) } : {}),
      }),
    { os: { type: 'string', short: 'o' }, 'no-startup': { type: 'boolean' }, 'os-parameters': { type: 'string', short: 'O' } },
  ),
  {
    words: ['instance', 'console'],
    summary: 'Show how to reach the instance console',
    usage: 'NAME',
    args: 1,
    run: async (ctx) => {
      const console = await ctx.client.getInstanceConsole(ctx.args[0]);
      ctx.print(console, () =>
        console.kind === 'msg'
          ? `${String(console.message)}\n`
          : console.command
            ? `${(console.command as string[]).join(' ')}\n`
            : `${String(console.kind)} console at ${String(console.host)}:${String(console.port)}\n`,
      );
      return 0;
    },
  },
];
