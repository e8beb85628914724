import { UsageError } from '../cli-error';
import type { Command, CommandContext } from '../command';

const KINDS = ['cluster', 'instance', 'node', 'group', 'network'] as const;
type Kind = (typeof KINDS)[number];

function target(ctx: CommandContext): { kind: Kind; name: string; tags: string[] } {
  const [kind, ...rest] = ctx.args;
  if (!KINDS.includes(kind as Kind)) throw new UsageError(`Unknown tag kind '${kind}'; one of ${KINDS.join(', ')}`);
  if (kind === 'cluster') return { kind, name: '', tags: rest };
  if (rest.length === 0) throw new UsageError(`Missing the ${kind} name`);
  return { kind: kind as Kind, name: rest[0], tags: rest.slice(1) };
}

function path(kind: Kind, name: string): string {
  const plural = { cluster: '', instance: 'instances', node: 'nodes', group: 'groups', network: 'networks' }[kind];
  return kind === 'cluster' ? '/2/tags' : `/2/${plural}/${encodeURIComponent(name)}/tags`;
}

/** `corral tags list|add|remove KIND [NAME] [TAG...]`, one resource for every kind. */
export const tagCommands: Command[] = [
  {
    words: ['tags', 'list'],
    summary: 'List the tags of the cluster or of an instance, node, group or network',
    usage: 'cluster | instance|node|group|network NAME',
    args: [1, 2],
    run: async (ctx) => {
      const t = target(ctx);
      const tags = await ctx.client.request<string[]>({ method: 'GET', path: path(t.kind, t.name) });
      ctx.print(tags, () => tags.map((x) => `${x}\n`).join(''));
      return 0;
    },
  },
  ...(['add', 'remove'] as const).map(
    (verb): Command => ({
      words: ['tags', verb],
      summary: verb === 'add' ? 'Add tags (a job)' : 'Remove tags (a job)',
      usage: 'cluster TAG... | instance|node|group|network NAME TAG...',
      args: [2, Infinity],
      run: async (ctx) => {
        const t = target(ctx);
        if (t.tags.length === 0) throw new UsageError('No tags given');
        const id = await ctx.client.request<number>({ method: verb === 'add' ? 'PUT' : 'DELETE', path: path(t.kind, t.name), query: { tag: t.tags } });
        return ctx.job(id);
      },
    }),
  ),
];
