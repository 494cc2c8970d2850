import type { Command } from 'commander';
import { compareFiles } from '../../api/compare.js';
import { DEFAULT_MAX_BYTES, assertOutputNotInput, checkIgnored, formatBytes, maxSizeOption } from '../../api/options.js';
import { loadTaxonomy } from '../../api/taxonomy.js';
import { UsageError } from '../../model/errors.js';
import { compareReporters, type CompareFormat } from '../../report/compareReporters.js';
import { reportOptions } from '../color.js';
import { addConfigOptions, configure, type ConfigBinding } from '../config.js';
import { printFailures, writeReport } from '../output.js';
import { EXIT, addCommonOptions, collect, intOption, type CommandContext } from '../options.js';

interface CompareOptions {
  cv: string;
  taxonomy: string[];
  format: CompareFormat;
  output?: string;
  minFit?: number;
  explain?: boolean;
  maxSize: string;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  ignore: string[];
  printConfig?: boolean;
}

/** Configuration keys compare reads (skillscan.config.yaml), and the options they set. */
const CONFIG: ConfigBinding[] = [
  { key: 'taxonomy', option: 'taxonomy' },
  { key: 'format', option: 'format', skipInvalid: true },
  { key: 'min-fit', option: 'minFit' },
  { key: 'max-size', option: 'maxSize' },
  { key: 'ignore', option: 'ignore' },
];

export function registerCompare(program: Command, context: CommandContext): void {
  const command = program
    .command('compare')
    .summary('compare a CV with job ads: fit, gaps to close, matches')
    .description(
      'Compare a CV with job ads: for each ad a fit (0-100), the skills it asks for that the CV lacks (required first, with where the ad asks), and those both name.',
    )
    .argument('[jobs...]', "job ads: files, directories, glob patterns, or '-' for stdin (default: stdin when piped)")
    .requiredOption('--cv <file>', "the CV (a file, or '-' for stdin)");
  addCommonOptions(command, Object.keys(compareReporters))
    .option('--explain', 'show how each fit was computed, requirement by requirement')
    .option('--min-fit <n>', 'exit 1 when any ad fits below n (0-100)', intOption('--min-fit', 0, 100))
    .option('--max-size <size>', 'refuse inputs larger than this (e.g. 10MB)', formatBytes(DEFAULT_MAX_BYTES).replace(' ', ''))
    .option('--ignore <id>', 'leave this skill out of both sides (repeatable)', collect, []);
  addConfigOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ skillscan compare --cv cv.md job.txt             the gaps to close for one ad
  $ skillscan compare --cv cv.pdf ads/               rank a folder of ads by fit
  $ pbpaste | skillscan compare --cv cv.md           an ad from the clipboard
  $ skillscan compare --cv cv.md job.txt --explain   how the fit was computed
  $ skillscan compare --cv cv.md 'ads/*.md' -f markdown >> "$GITHUB_STEP_SUMMARY"
  $ skillscan compare --cv cv.md job.txt --min-fit 60   exit 1 below 60

Exit codes: 0 done, 1 an ad fits below --min-fit, 2 usage error, bad taxonomy or unreadable input.`,
    )
    .action(async (jobs: string[], options: CompareOptions, command: Command) => {
      const resolved = await configure(command, context.io, CONFIG, options);
      if (!resolved) return;
      context.exitCode = await compare(jobs, options, context, resolved.sources.get('ignore') ?? 'default');
    });
}

async function compare(jobs: string[], options: CompareOptions, { io }: CommandContext, ignoreFrom: string): Promise<number> {
  const maxBytes = maxSizeOption(options.maxSize);
  const noStdin = io.stdin === undefined || io.stdin.isTTY === true;
  if (jobs.length === 0 && (noStdin || options.cv === '-'))
    throw new UsageError('no job ads: give files, directories or globs, or pipe an ad to stdin', "try 'skillscan compare --cv cv.md job.txt'");
  if (options.cv === '-' && jobs.includes('-')) throw new UsageError('the CV and a job ad cannot both come from stdin');
  const loaded = loadTaxonomy({ files: options.taxonomy });
  checkIgnored(options.ignore, loaded.compiled, ignoreFrom);
  await assertOutputNotInput(options.output, [options.cv, ...jobs], io.cwd);
  const result = await compareFiles(options.cv, jobs.length === 0 ? ['-'] : jobs, {
    taxonomy: loaded,
    cwd: io.cwd,
    maxBytes,
    ignore: options.ignore,
    ...(io.stdin ? { stdin: io.stdin } : {}),
  });
  printFailures(result.errors, io);
  if (!options.quiet) {
    const report = compareReporters[options.format](result, reportOptions(options.output ? false : options.color, io, options.explain ?? false));
    writeReport(report, options.output, io);
  }
  if (result.errors.length > 0) return EXIT.failure;
  if (options.minFit !== undefined && result.comparisons.some((c) => c.fit < options.minFit!)) return EXIT.threshold;
  return EXIT.ok;
}
