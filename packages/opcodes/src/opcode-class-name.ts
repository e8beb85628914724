/** Ganeti's Python class name of an opcode: `OP_TAGS_SET` -> `OpTagsSet`. */
export function opcodeClassName(opId: string): string {
  return (
    'Op' +
    opId
      .replace(/^OP_/, '')
      .split('_')
      .map((part) => part.charAt(0) + part.slice(1).toLowerCase())
      .join('')
  );
}
