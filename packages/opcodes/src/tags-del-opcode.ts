import { GanetiError } from '@corral/model';
import type { OpcodeDefinition } from './opcode-definition';
import { resolveTagTarget, tagLocks, type TagKind } from './tag-target';
import { tagParams, validTags } from './tag-params';

/** Ganeti's refusal when some tags to delete are absent: `Tag(s) 'a', 'b' not found`. */
function checkPresent(current: readonly string[], wanted: readonly string[]): void {
  const have = new Set(current);
  const missing = [...new Set(wanted.filter((t) => !have.has(t)))].sort();
  if (missing.length > 0) throw GanetiError.prereq(`Tag(s) ${missing.map((t) => `'${t}'`).join(', ')} not found`, 'unknown_entity');
}

/** OP_TAGS_DEL: removes tags; every one of them must be present. */
export const tagsDelOpcode: OpcodeDefinition = {
  id: 'OP_TAGS_DEL',
  touchesNodes: false,
  params: tagParams,
  locks: (op) => tagLocks(op.kind as TagKind, op.name as string | null),
  checkPrereq(op, ctx) {
    const tags = validTags(op.tags);
    const { object } = resolveTagTarget(ctx.snapshot, op.kind as TagKind, op.name as string | null);
    checkPresent(object.tags, tags);
  },
  async exec(op, ctx) {
    const tags = new Set(validTags(op.tags));
    const { storeKind, object } = resolveTagTarget(ctx.snapshot, op.kind as TagKind, op.name as string | null);
    const kept = object.tags.filter((t) => !tags.has(t));
    return { result: null, changes: { put: [{ kind: storeKind, object: { ...object, tags: kept } as never }] } };
  },
};
