/**
 * Known errors: the user (or their data) can fix them, so they print one clear line and no stack.
 * Anything else that is thrown is a bug and keeps its stack.
 */
export class SkillscanError extends Error {
  /** Process exit code this error maps to. */
  readonly exitCode: number = 2;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line usage (unknown option, missing argument, no inputs). */
export class UsageError extends SkillscanError {}

/** One or more problems in a taxonomy file; each message starts with `file:line:col`. */
export class TaxonomyError extends SkillscanError {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** An input that could not be read or decoded. */
export class InputError extends SkillscanError {}
