import type { ParseArgsConfig } from 'node:util';
import type { JobId, RapiClient } from '@corral/client';
import type { CliIo } from './output/follow-job';

/** Option values of one parsed command line. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What a command gets to do its work. */
export interface CommandContext {
  readonly client: RapiClient;
  /** Positional arguments after the command words. */
  readonly args: readonly string[];
  readonly options: OptionValues;
  readonly io: CliIo;
  /** `--json`: print machine-readable output instead of tables and text. */
  readonly json: boolean;
  /** Follows a submitted job (or just prints its id with `--submit`); returns the exit code. */
  job(id: JobId): Promise<number>;
  /** Prints a value as JSON (with `--json`) or through `text` otherwise. */
  print(value: unknown, text?: () => string): void;
}

/** One `corral <group> <verb>` command. */
export interface Command {
  /** e.g. ['instance', 'list']. */
  readonly words: readonly string[];
  readonly summary: string;
  /** Synopsis of positional arguments and command options, for help. */
  readonly usage: string;
  readonly options?: NonNullable<ParseArgsConfig['options']>;
  /** Positional argument count: exact number, or [min, max]. */
  readonly args?: number | readonly [number, number];
  run(context: CommandContext): Promise<number>;
}
