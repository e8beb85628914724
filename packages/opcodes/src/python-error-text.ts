import type { GanetiError } from '@corral/model';

/** Python's repr() of a str: single quotes unless the text has one and no double quote. */
export function pythonStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(new RegExp(quote, 'g'), `\\${quote}`);
  return `${quote}${body}${quote}`;
}

/**
 * The text Python's `str()` gives for a Ganeti exception: the message alone
 * when it has one argument, the tuple repr `("msg", 'class')` when it also
 * carries a classification. Ganeti's HTTP messages embed this text.
 */
export function pythonErrorText(error: GanetiError): string {
  if (error.classification === undefined) return error.message;
  return `(${pythonStringRepr(error.message)}, ${pythonStringRepr(error.classification)})`;
}
