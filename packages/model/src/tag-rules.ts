import { GanetiError } from './ganeti-error';

/** Ganeti's limits on tags: length, character set and count per object. */
export const MAX_TAG_LENGTH = 128;
export const MAX_TAGS_PER_OBJECT = 4096;
const TAG_PATTERN = /^[\p{L}\p{N}_.+*/:@-]+$/u;

/**
 * Validates one tag with Ganeti's rules and messages; throws a `TagError`.
 * Word characters are Unicode-aware, as in Ganeti's Python regex.
 */
export function checkTag(tag: unknown): string {
  if (typeof tag !== 'string') throw new GanetiError('TagError', `Invalid tag type (not a string)`);
  if (tag.length > MAX_TAG_LENGTH) throw new GanetiError('TagError', `Tag too long (>${MAX_TAG_LENGTH} characters)`);
  if (tag.length === 0) throw new GanetiError('TagError', 'Tags cannot be empty');
  if (!TAG_PATTERN.test(tag)) throw new GanetiError('TagError', 'Tag contains invalid characters');
  return tag;
}
