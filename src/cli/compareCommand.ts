import type { Command } from 'commander';
import { Scanner } from '../engine.js';
import { UsageError } from '../errors.js';
import { DEFAULT_MAX_BYTES, formatBytes, parseSize, readSource } from '../input/read.js';
import { resolveInputs, type Source } from '../input/sources.js';
import { compareReporters, type CompareFormat } from '../report/compareReporters.js';
import { compareDocuments, type ScannedText } from '../score/compare.js';
import type { CompareResult } from '../score/compareTypes.js';
import { loadTaxonomy } from '../taxonomy/index.js';
import { makeChalk } from './color.js';
import type { Io } from './io.js';
import { writeReport } from './output.js';
import { EXIT, addCommonOptions, intOption, type CommandContext } from './run.js';

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
}

export function registerCompare(program: Command, context: CommandContext): void {
  const command = program
    .command('compare')
    .summary('compare a CV with job ads: fit, gaps to close, matches')
    .description('Compare a CV with job ads: for each ad a fit (0-100), the skills it asks for that the CV lacks (required first, with where the ad asks), and those both name.')
    .argument('[jobs...]', "job ads: files, directories, glob patterns, or '-' for stdin (default: stdin when piped)")
    .requiredOption('--cv <file>', "the CV (a file, or '-' for stdin)");
  addCommonOptions(command, Object.keys(compareReporters))
    .option('--explain', 'show how each fit was computed, requirement by requirement')
    .option('--min-fit <n>', 'exit 1 when any ad fits below n (0-100)', intOption('--min-fit', 0, 100))
    .option('--max-size <size>', 'refuse inputs larger than this (e.g. 10MB)', formatBytes(DEFAULT_MAX_BYTES).replace(' ', ''))
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
    .action(async (jobs: string[], options: CompareOptions) => {
      context.exitCode = await compare(jobs, options, context);
    });
}

async function compare(jobs: string[], options: CompareOptions, { io }: CommandContext): Promise<number> {
  const maxBytes = parseSize(options.maxSize);
  if (maxBytes === undefined) throw new UsageError(`--max-size must be a size such as 10MB or 500KB (got "${options.maxSize}")`);
  const noStdin = io.stdin === undefined || io.stdin.isTTY === true;
  if (jobs.length === 0 && (noStdin || options.cv === '-')) throw new UsageError('no job ads: give files, directories or globs, or pipe an ad to stdin', "try 'skillscan compare --cv cv.md job.txt'");
  if (options.cv === '-' && jobs.includes('-')) throw new UsageError('the CV and a job ad cannot both come from stdin');
  const loaded = loadTaxonomy({ files: options.taxonomy });
  const scanner = new Scanner(loaded.compiled);
  const cv = await readOne(options.cv, io, maxBytes, scanner);
  const { sources, failures } = await resolveInputs(jobs.length === 0 ? ['-'] : jobs, io.cwd);
  const result: CompareResult = { schemaVersion: 1, taxonomy: { name: loaded.compiled.name, version: loaded.compiled.version }, cv: options.cv, comparisons: [], errors: [...failures] };
  for (const source of sources) {
    const ad = await readScanned(source, io, maxBytes, scanner);
    if ('message' in ad) result.errors.push({ source: source.display, message: ad.message });
    else result.comparisons.push(compareDocuments(cv, ad, loaded.compiled));
  }
  for (const failure of result.errors) io.stderr.write(`${failure.source}: ${failure.message}\n`);
  if (!options.quiet) {
    const report = compareReporters[options.format](result, { chalk: makeChalk(options.output ? false : options.color, io), explain: options.explain ?? false });
    writeReport(report, options.output, io);
  }
  if (result.errors.length > 0) return EXIT.failure;
  if (options.minFit !== undefined && result.comparisons.some((c) => c.fit < options.minFit!)) return EXIT.threshold;
  return EXIT.ok;
}

/** The CV: without it there is nothing to compare, so a failure stops the run (exit 2). An empty CV is fine. */
async function readOne(path: string, io: Io, maxBytes: number, scanner: Scanner): Promise<ScannedText> {
  const { sources, failures } = path === '-' ? { sources: [{ kind: 'stdin', display: '-' } as Source], failures: [] } : await resolveInputs([path], io.cwd);
  if (failures.length > 0 || sources.length !== 1 || sources[0]!.kind !== (path === '-' ? 'stdin' : 'file')) {
    throw new UsageError(`--cv ${path}: ${failures[0]?.message ?? 'give one file'}`);
  }
  const cv = await readScanned(sources[0]!, io, maxBytes, scanner, true);
  if ('message' in cv) throw new UsageError(`--cv ${path}: ${cv.message}`);
  return cv;
}

async function readScanned(source: Source, io: Io, maxBytes: number, scanner: Scanner, emptyOk = false): Promise<ScannedText | { message: string }> {
  const read = await readSource(source, { maxBytes, stdin: io.stdin });
  if (!read.ok) {
    if (emptyOk && /empty/.test(read.message)) return { doc: scanner.scanText('', source.display), text: '' };
    return { message: read.message };
  }
  return { doc: scanner.scanExtracted(read, source.display), text: read.source };
}
