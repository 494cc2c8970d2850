import { type Command, Option } from 'commander';
import { UsageError } from '../model/errors.js';
import type { Io } from './io.js';

/** Exit codes: the contract with scripts (docs/errors.md). */
export const EXIT = { ok: 0, threshold: 1, failure: 2, interrupted: 130 } as const;

/** State one command run shares with `run`: where to write, and the exit code it settles on. */
export interface CommandContext {
  io: Io;
  exitCode: number;
}

/** What each command module exports: it adds its command to the program. */
export type Register = (program: Command, context: CommandContext) => void;

/** Options every command shares. */
export function addCommonOptions(command: Command, formats: readonly string[]): Command {
  return command
    .option('-t, --taxonomy <file>', 'extra taxonomy YAML merged over the built-in one (repeatable)', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default(formats[0]))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--color', 'force colours')
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .option('-q, --quiet', 'print nothing on stdout; errors still go to stderr and the exit code tells')
    .option('--verbose', 'more detail on errors (stack traces)');
}

/** For repeatable options: each value is added to the list. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Parses an integer option in [min, max] or throws a usage error naming the option. */
export function intOption(name: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
    return n;
  };
}
