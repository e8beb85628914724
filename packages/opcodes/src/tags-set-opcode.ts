import { GanetiError, MAX_TAGS_PER_OBJECT } from '@corral/model';
import type { OpcodeDefinition } from './opcode-definition';
import { tagParams, validTags } from './tag-params';
import { resolveTagTarget, tagLocks, type TagKind } from './tag-target';

/** OP_TAGS_SET: adds tags to the cluster, a node group, node, instance or network. */
export const tagsSetOpcode: OpcodeDefinition = {
  id: 'OP_TAGS_SET',
  touchesNodes: false,
  params: tagParams,
  locks: (op) => tagLocks(op.kind as TagKind, op.name as string | null),
  checkPrereq(op, ctx) {
    const tags = validTags(op.tags);
    const { object } = resolveTagTarget(ctx.snapshot, op.kind as TagKind, op.name as string | null);
    const merged = new Set([...object.tags, ...tags]);
    if (merged.size > MAX_TAGS_PER_OBJECT) throw new GanetiError('TagError', 'Too many tags');
  },
  async exec(op, ctx) {
    const tags = validTags(op.tags);
    const { storeKind, object } = resolveTagTarget(ctx.snapshot, op.kind as TagKind, op.name as string | null);
    // Ganeti keeps tags as a set and lists them sorted (code-point order).
    const merged = [...new Set([...object.tags, ...tags])].sort();
    return { result: null, changes: { put: [{ kind: storeKind, object: { ...object, tags: merged } as never }] } };
  },
};
