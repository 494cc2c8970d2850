import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { assertCategory, checkTaxonomyFile, initTaxonomyFile, loadTaxonomy, showSkill } from '../../api/taxonomy.js';
import { taxonomyListTable, taxonomyListing, taxonomyShowJson, taxonomyShowTable } from '../../report/taxonomyReports.js';
import { makeChalk } from '../color.js';
import { EXIT, collect, type CommandContext } from '../options.js';

interface ViewOptions {
  taxonomy: string[];
  format: 'table' | 'json';
  category?: string;
  color?: boolean;
}

export function registerTaxonomy(program: Command, context: CommandContext): void {
  const group = program
    .command('taxonomy')
    .summary('list, show, validate and start taxonomies')
    .description('Look into the taxonomy (built-in, or extended with -t) and check or start your own layer.')
    .addHelpText(
      'after',
      `
Examples:
  $ skillscan taxonomy list --category databases
  $ skillscan taxonomy show postgres              PostgreSQL: aliases, implies, rules, examples
  $ skillscan taxonomy init my-skills.yaml        a commented starter layer
  $ skillscan taxonomy validate my-skills.yaml    file:line:col errors, exit 2`,
    );
  const view = (command: Command): Command =>
    command
      .option('-t, --taxonomy <file>', 'extra taxonomy YAML merged over the built-in one (repeatable)', collect, [])
      .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
      .option('--color', 'force colours')
      .option('--no-color', 'no colours (also: NO_COLOR=1)')
      .option('--verbose', 'more detail on errors (stack traces)');

  view(group.command('list').description('List the skills of every category (or of one), with their aliases.'))
    .option('-c, --category <id>', 'only this category')
    .addHelpText(
      'after',
      '\nExamples:\n  $ skillscan taxonomy list\n  $ skillscan taxonomy list -c languages -f json\n  $ skillscan taxonomy list -t my-skills.yaml -c messaging',
    )
    .action((options: ViewOptions) => list(options, context));

  view(group.command('show').description('Show one skill, found by id, name or any alias (case-insensitive).').argument('<skill>', 'an id, a name or an alias'))
    .addHelpText(
      'after',
      '\nExamples:\n  $ skillscan taxonomy show postgres\n  $ skillscan taxonomy show "Spring Boot" -f json\n  $ skillscan taxonomy show acmeq -t my-skills.yaml\n\nExit codes: 0 shown, 2 no such skill (with a suggestion).',
    )
    .action((query: string, options: ViewOptions) => show(query, options, context));

  group
    .command('validate')
    .description(
      'Check taxonomy files as -t uses them (merged over the built-in one), or complete ones with --standalone: fields, ids, aliases, implies, rules, and every example sentence.',
    )
    .argument('<files...>', 'taxonomy YAML files (each checked on its own)')
    .option('--standalone', 'each file is a complete taxonomy, not a layer over the built-in one')
    .option('--verbose', 'more detail on errors (stack traces)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ skillscan taxonomy validate my-skills.yaml\n  $ skillscan taxonomy validate --standalone fixtures/taxonomies/mini.yaml\n\nExit codes: 0 all valid, 2 a problem (each printed as file:line:col: reason).',
    )
    .action((files: string[], options: { standalone?: boolean }) => validate(files, options, context));

  group
    .command('init')
    .description('Write a commented starter taxonomy that extends the built-in one, then check it.')
    .argument('[file]', 'where to write it', 'my-skills.yaml')
    .option('--force', 'overwrite the file if it exists')
    .option('--verbose', 'more detail on errors (stack traces)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ skillscan taxonomy init\n  $ skillscan taxonomy init taxonomy/acme.yaml --force\n  $ skillscan scan -t my-skills.yaml job.txt',
    )
    .action((file: string, options: { force?: boolean }) => init(file, options, context));
}

function list(options: ViewOptions, { io }: CommandContext): void {
  const taxonomy = loadTaxonomy({ files: options.taxonomy }).taxonomy();
  if (options.category !== undefined) assertCategory(taxonomy, options.category);
  const listing = taxonomyListing(taxonomy, options.category);
  io.stdout.write(
    options.format === 'json' ? `${JSON.stringify(listing, null, 2)}\n` : taxonomyListTable(listing, { chalk: makeChalk(options.color, io), explain: false }),
  );
}

function show(query: string, options: ViewOptions, { io }: CommandContext): void {
  const taxonomy = loadTaxonomy({ files: options.taxonomy }).taxonomy();
  const details = showSkill(taxonomy, query);
  io.stdout.write(options.format === 'json' ? taxonomyShowJson(details) : taxonomyShowTable(details, { chalk: makeChalk(options.color, io), explain: false }));
}

function validate(files: string[], options: { standalone?: boolean }, context: CommandContext): void {
  const { io } = context;
  let failed = false;
  for (const file of files) {
    const result = checkTaxonomyFile(resolve(io.cwd, file), { standalone: options.standalone ?? false });
    // Problems name the absolute path the loader read; show the path as the user gave it.
    const shown = result.problems.map((p) => p.split(resolve(io.cwd, file)).join(file));
    if (shown.length > 0) {
      failed = true;
      for (const p of shown) io.stderr.write(`${p}\n`);
      io.stderr.write(`${file}: ${shown.length} problem${shown.length === 1 ? '' : 's'}\n`);
    } else {
      io.stdout.write(
        `${file}: valid${options.standalone ? '' : ' over the built-in taxonomy'} (${result.skills} skill${result.skills === 1 ? '' : 's'}, ${result.categories} categor${result.categories === 1 ? 'y' : 'ies'} of its own; ${result.taxonomy!.skills.length} skills in all)\n`,
      );
    }
  }
  if (failed) context.exitCode = EXIT.failure;
}

function init(file: string, options: { force?: boolean }, context: CommandContext): void {
  const { io } = context;
  initTaxonomyFile(resolve(io.cwd, file), file, options);
  io.stdout.write(
    `wrote ${file}: a starter taxonomy over the built-in one (valid).\nNext: edit it, check it with 'skillscan taxonomy validate ${file}', use it with 'skillscan scan -t ${file} job.txt'.\n`,
  );
}
