import type { RapiUser, UsersTable } from './users-table';

/** Options the access decision knows; any other option is reported and grants nothing. */
export const KNOWN_USER_OPTIONS: readonly string[] = ['read', 'write'];

/**
 * Something wrong on one line of a users file. An `error` makes the line
 * unusable (the file as a whole is then refused by the watcher); a
 * `warning` points at something that is loaded but almost surely a mistake.
 */
export interface UsersFileProblem {
  /** 1-based line number. */
  readonly line: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** The outcome of parsing: the table of every usable line, and what was wrong. */
export interface UsersFileParse {
  readonly users: UsersTable;
  readonly problems: readonly UsersFileProblem[];
}

const KNOWN_SCHEMES = new Set(['CLEARTEXT', 'HA1']);

function passwordProblem(password: string): string | undefined {
  if (!password.startsWith('{')) return undefined;
  const end = password.indexOf('}');
  if (end <= 1) return `password starts with '{' but has no {SCHEME} prefix, so it can never match`;
  const scheme = password.slice(1, end).toUpperCase();
  return KNOWN_SCHEMES.has(scheme) ? undefined : `unknown password scheme '{${password.slice(1, end)}}', so it can never match`;
}

/**
 * Parses the text of a Ganeti RAPI users file (pure: text in, table out),
 * exactly as ganeti-rapi reads it: each line is stripped; empty lines and
 * lines starting with `#` are skipped; the rest is split on whitespace into
 * at most three fields (user, password, options); options are split on `,`
 * and trimmed; a later line for the same user replaces the earlier one.
 * A line with fewer than two fields is an error; an unknown option or a
 * password with an unknown `{SCHEME}` is a warning (the line is loaded, as
 * in Ganeti, and that option or password never matches).
 */
export function parseUsersFile(text: string): UsersFileParse {
  const users = new Map<string, RapiUser>();
  const problems: UsersFileProblem[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((rawLine, index) => {
    const line = rawLine.trim();
    const number = index + 1;
    if (line === '' || line.startsWith('#')) return;
    const fields = splitFields(line);
    if (fields.length < 2) {
      problems.push({ line: number, severity: 'error', message: 'expected "<user> <password> [options]", found only one field' });
      return;
    }
    const [name, password, rest] = fields;
    const options = rest === undefined ? [] : rest.split(',').map((o) => o.trim());
    for (const option of options) {
      if (option !== '' && !KNOWN_USER_OPTIONS.includes(option)) {
        problems.push({ line: number, severity: 'warning', message: `unknown option '${option}' for user '${name}' (options are separated by commas)` });
      }
    }
    const bad = passwordProblem(password);
    if (bad) problems.push({ line: number, severity: 'warning', message: `user '${name}': ${bad}` });
    users.set(name, { name, password, options: new Set(options.filter((o) => o !== '')) });
  });
  return { users, problems };
}

/** Python's `line.split(None, 2)`: at most three fields, the last keeps its inner spaces. */
function splitFields(line: string): string[] {
  const match = /^(\S+)(?:\s+(\S+)(?:\s+(.+))?)?$/su.exec(line);
  if (!match) return [];
  return match.slice(1).filter((f): f is string => f !== undefined);
}
