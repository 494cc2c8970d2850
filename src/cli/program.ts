import { Command, CommanderError } from 'commander';
import { SkillscanError, UsageError } from '../model/errors.js';
import { VERSION } from '../model/version.js';
import type { Io } from './io.js';
import { EXIT, type CommandContext, type Register } from './options.js';

/**
 * Every command's module, in help order, imported only when needed: a run loads the code of its own
 * command (and its reporters, scoring, taxonomy tooling), not all of them. Cold start is what users
 * feel most; `--help` or a mistyped command loads all, to list or suggest them.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  scan: async () => (await import('./commands/scan.js')).registerScan,
  compare: async () => (await import('./commands/compare.js')).registerCompare,
  eval: async () => (await import('./commands/eval.js')).registerEval,
  report: async () => (await import('./commands/report.js')).registerReport,
  taxonomy: async () => (await import('./commands/taxonomy.js')).registerTaxonomy,
  schema: async () => (await import('./commands/schema.js')).registerSchema,
};

/**
 * Runs the CLI with `argv` (the arguments after the program name) and returns the exit code. Known
 * errors print one line (plus a hint); anything else is a bug and prints its stack.
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const context: CommandContext = { io, exitCode: EXIT.ok };
  const program = buildProgram(context);
  // The program has no options of its own that take a value, so the first word is the command.
  const named = argv.find((a) => !a.startsWith('-'));
  const names = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  for (const register of await Promise.all(names.map((n) => COMMANDS[n]!()))) register(program, context);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return context.exitCode;
  } catch (error) {
    return handleError(error, io, argv.includes('--verbose'));
  }
}

function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('skillscan')
    .description('Score job ads and CVs against a backend-developer skill taxonomy.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => {}, // printed by handleError, with the exit code we choose
    })
    .addHelpText(
      'after',
      `
Examples:
  $ skillscan scan job.txt                     score one ad
  $ pbpaste | skillscan scan                   score an ad from the clipboard
  $ skillscan scan 'ads/**/*.md' -f json       JSON for scripts
  $ skillscan scan ads/ -f markdown >> "$GITHUB_STEP_SUMMARY"
  $ skillscan taxonomy show postgres           how a skill is matched
  $ skillscan eval --labels labels.json ads/   precision and recall of the taxonomy
  $ skillscan schema scan                      the JSON Schema of scan's output

Run 'skillscan <command> --help' for a command's options.`,
    );
  return program;
}

function handleError(error: unknown, io: Io, verbose: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    io.stderr.write(`skillscan: ${error.message.replace(/^error: /, '')}\n`);
    io.stderr.write("Run 'skillscan --help' for usage.\n");
    return EXIT.failure;
  }
  if (error instanceof SkillscanError) {
    io.stderr.write(`${error instanceof UsageError ? 'skillscan: ' : ''}${error.message}\n`);
    if (error.hint) io.stderr.write(`hint: ${error.hint}\n`);
    if (verbose && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const e = error as Error;
  io.stderr.write(`skillscan: internal error: ${e?.message ?? String(error)}\n${e?.stack ?? ''}\nPlease report this with the command you ran.\n`);
  return EXIT.failure;
}
