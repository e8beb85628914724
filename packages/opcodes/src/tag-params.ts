import { checkTag } from '@corral/model';
import { ht } from './param-spec';
import { tagKinds } from './tag-target';

/** The parameters shared by OP_TAGS_SET and OP_TAGS_DEL, in Ganeti's order. */
export const tagParams = [
  { name: 'kind', check: ht.oneOf(...tagKinds) },
  { name: 'tags', check: ht.listOf(ht.string) },
  { name: 'name', check: ht.maybe(ht.string), default: null },
] as const;

/** Ganeti's tag checks, in its order: each tag's syntax first. */
export function validTags(tags: unknown): string[] {
  return (tags as unknown[]).map((t) => checkTag(t));
}
