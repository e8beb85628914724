import type { NodeRoleLetter } from './node';

/** The words `/2/nodes/[n]/role` answers, where listings give letters. */
export type NodeRoleWord = 'master' | 'master-candidate' | 'regular' | 'drained' | 'offline';

const WORDS: Record<NodeRoleLetter, NodeRoleWord> = { M: 'master', C: 'master-candidate', R: 'regular', D: 'drained', O: 'offline' };

/** Ganeti's mapping of a role letter to its word (rlib2's `_NR_MAP`). */
export function nodeRoleWord(letter: NodeRoleLetter): NodeRoleWord {
  return WORDS[letter];
}
