import type { Command } from 'commander';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../model/errors.js';
import { DEFAULT_MAX_BYTES, formatBytes, maxSizeOption } from '../../input/read.js';
import { resolveInputs } from '../../input/sources.js';
import { aggregateInputs } from '../../parallel/aggregateInputs.js';
import { workerFile } from '../../parallel/pool.js';
import { reportReporters, type ReportFormat } from '../../report/index.js';
import type { AggregateCounts } from '../../score/aggregate.js';
import { buildReport } from '../../score/report.js';
import type { InputFailure } from '../../model/result.js';
import type { CompiledTaxonomy } from '../../taxonomy/compile.js';
import { loadTaxonomy } from '../../taxonomy/index.js';
import { closest } from '../../util/similar.js';
import { reportOptions } from '../color.js';
import { writeReport } from '../output.js';
import { createProgress } from '../progress.js';
import { fromScanLines, mergeReports } from '../../api/reportParts.js';
import { EXIT, addCommonOptions, intOption, type CommandContext } from '../program.js';

interface ReportCliOptions {
  taxonomy: string[];
  format: ReportFormat;
  output?: string;
  top: number;
  category: string[];
  jobs: number;
  progress: boolean;
  levels: boolean;
  jsonl?: boolean;
  merge?: boolean;
  fromScan?: boolean;
  maxSize: string;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

export function registerReport(program: Command, context: CommandContext): void {
  const command = program
    .command('report')
    .summary('skill demand across many ads: shares, categories, pairs, scores')
    .description('Count which skills many job ads name (files, directories, globs, stdin, or JSON Lines with one ad per line): per skill the documents naming it and their share, per category the share of ads, the skills named together, the score distribution and the requirement levels.')
    .argument('[inputs...]', "files, directories, glob patterns, or '-' for stdin (default: stdin when piped)");
  addCommonOptions(command, Object.keys(reportReporters))
    .option('--jsonl', 'inputs are JSON Lines, one ad per line: {"text": ..., "id"?: ..., "title"?: ...} (.gz read directly)')
    .option('--merge', 'inputs are JSON reports of parts (report -f json): add them up')
    .option('--from-scan', 'inputs are the output of scan -f jsonl: add the lines up')
    .option('--top <n>', 'skills and pairs listed (0: all)', intOption('--top', 0, 1_000_000), 25)
    .option('--category <ids>', 'only these categories (repeatable, or a comma list)', collect, [])
    .option('-j, --jobs <n>', 'worker threads (at most one per core)', intOption('--jobs', 1, 256), availableParallelism())
    .option('--no-levels', "skip telling required from nice-to-have parts of each ad (levels 'unknown'; about 2x faster)")
    .option('--no-progress', 'no progress bar on stderr (it shows only on a terminal anyway)')
    .option('--max-size <size>', 'refuse single-document inputs larger than this (e.g. 10MB)', formatBytes(DEFAULT_MAX_BYTES).replace(' ', ''))
    .addHelpText(
      'after',
      `
Examples:
  $ skillscan report ads/                              every ad in a folder
  $ skillscan report --jsonl jobs.jsonl.gz -f html -o demand.html
  $ skillscan report --jsonl jobs.jsonl --category databases,cloud --top 10
  $ skillscan report --jsonl part-*.jsonl.gz -f json -o part.json   then: report --merge part*.json
  $ zcat jobs.jsonl.gz | parallel --pipe -N 2000 skillscan scan --jsonl - -f jsonl | skillscan report --from-scan -

Exit codes: 0 done, 2 usage error, bad taxonomy, or an input (or a line of one) that could not be read.`,
    )
    .action(async (inputs: string[], options: ReportCliOptions) => {
      context.exitCode = await report(inputs, options, context);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function report(inputs: string[], options: ReportCliOptions, { io }: CommandContext): Promise<number> {
  const modes = [options.jsonl && '--jsonl', options.merge && '--merge', options.fromScan && '--from-scan'].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be combined: they say what the inputs are`);
  const maxBytes = maxSizeOption(options.maxSize);
  if (inputs.length === 0 && (io.stdin === undefined || io.stdin.isTTY === true)) {
    throw new UsageError('no inputs: give files, directories or globs, or pipe ads to stdin', "try 'skillscan report ads/' or 'skillscan report --jsonl ads.jsonl'");
  }
  const loaded = loadTaxonomy({ files: options.taxonomy });
  const taxonomy = loaded.compiled;
  const categories = categoryFilter(options.category, taxonomy);
  const { sources, failures } = await resolveInputs(inputs.length === 0 ? ['-'] : inputs, io.cwd);
  const progress = createProgress(io, options.progress && !options.quiet);
  let counted: { counts: AggregateCounts; errors: InputFailure[] };
  try {
    if (options.merge) counted = await mergeReports(sources, taxonomy, maxBytes, io.stdin);
    else if (options.fromScan) counted = await fromScanLines(sources, taxonomy, io.stdin, progress.update);
    else counted = await withTaxonomyFile(taxonomy, options.taxonomy.length === 0, (taxonomyPath) => aggregateInputs(sources, { taxonomy, taxonomyPath, jobs: options.jobs, levels: options.levels, jsonl: options.jsonl ?? false, maxBytes, stdin: io.stdin, onProgress: progress.update }));
  } finally {
    progress.done();
  }
  const errors = [...failures, ...counted.errors];
  const result = buildReport(counted.counts, taxonomy, { top: options.top, categories, errors });
  for (const failure of errors) io.stderr.write(`${failure.source}: ${failure.message}\n`);
  if (!options.quiet) writeReport(reportReporters[options.format](result, reportOptions(options.output ? false : options.color, io, false)), options.output, io);
  return errors.length > 0 ? EXIT.failure : EXIT.ok;
}

/** `--category a,b --category c` -> ids, each checked against the taxonomy (with a did-you-mean). */
function categoryFilter(values: string[], taxonomy: CompiledTaxonomy): string[] {
  const known = taxonomy.categories.map((c) => c.id);
  const wanted = [...new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== ''))];
  for (const id of wanted) {
    if (known.includes(id)) continue;
    const guess = closest(id, known, 3);
    throw new UsageError(`unknown category "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`, `categories: ${known.join(', ')}`);
  }
  return wanted;
}

/**
 * Workers load the taxonomy from a JSON file: the build's for the built-in taxonomy, else a
 * temporary copy of the merged one, removed afterwards.
 */
async function withTaxonomyFile<T>(taxonomy: CompiledTaxonomy, builtin: boolean, work: (path: string | undefined) => Promise<T>): Promise<T> {
  const worker = workerFile();
  if (!worker) return work(undefined);
  const shipped = fileURLToPath(new URL('taxonomy.compiled.json', worker));
  if (builtin && existsSync(shipped)) return work(shipped);
  const dir = mkdtempSync(join(tmpdir(), 'skillscan-'));
  try {
    const path = join(dir, 'taxonomy.compiled.json');
    writeFileSync(path, JSON.stringify(taxonomy));
    return await work(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
