import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_BYTES, assertOutputNotInput, formatBytes, maxSizeOption } from '../../api/options.js';
import { reportFiles } from '../../api/report.js';
import { loadTaxonomy } from '../../api/taxonomy.js';
import { UsageError } from '../../model/errors.js';
import type { ReportResult } from '../../model/report.js';
import { reportReporters, type ReportFormat } from '../../report/index.js';
import { reportOptions } from '../color.js';
import { printFailures, writeReport } from '../output.js';
import { createProgress } from '../progress.js';
import { EXIT, addCommonOptions, collect, intOption, type CommandContext } from '../options.js';

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
    .description(
      'Count which skills many job ads name (files, directories, globs, stdin, or JSON Lines with one ad per line): per skill the documents naming it and their share, per category the share of ads, the skills named together, the score distribution and the requirement levels.',
    )
    .argument('[inputs...]', "files, directories, glob patterns, or '-' for stdin (default: stdin when piped)");
  addCommonOptions(command, Object.keys(reportReporters))
    .option('--jsonl', 'inputs are JSON Lines, one ad per line: {"text": ..., "id"?: ..., "title"?: ...} (.gz read directly)')
    .option('--merge', 'inputs are JSON reports of parts (report -f json): add them up')
    .option('--from-scan', 'inputs are the output of scan -f jsonl: add the lines up')
    .option('--top <n>', 'skills and pairs listed (0: all)', intOption('--top', 0, 1_000_000), 25)
    .option('--category <ids>', 'only these categories (repeatable, or a comma list)', collect, [])
    .option('-j, --jobs <n>', 'worker threads (at most one per core)', intOption('--jobs', 1, 256), availableParallelism())
    .option('--no-levels', "skip telling required from nice-to-have parts of each ad (levels 'unknown'; faster)")
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

async function report(inputs: string[], options: ReportCliOptions, { io }: CommandContext): Promise<number> {
  const maxBytes = maxSizeOption(options.maxSize);
  if (inputs.length === 0 && (io.stdin === undefined || io.stdin.isTTY === true)) {
    throw new UsageError(
      'no inputs: give files, directories or globs, or pipe ads to stdin',
      "try 'skillscan report ads/' or 'skillscan report --jsonl ads.jsonl'",
    );
  }
  const taxonomy = loadTaxonomy({ files: options.taxonomy });
  await assertOutputNotInput(options.output, inputs, io.cwd);
  const progress = createProgress(io, options.progress && !options.quiet);
  let result: ReportResult;
  try {
    result = await reportFiles(inputs.length === 0 ? ['-'] : inputs, {
      taxonomy,
      cwd: io.cwd,
      jsonl: options.jsonl ?? false,
      merge: options.merge ?? false,
      fromScan: options.fromScan ?? false,
      jobs: options.jobs,
      levels: options.levels,
      maxBytes,
      top: options.top,
      categories: options.category,
      ...(io.stdin ? { stdin: io.stdin } : {}),
      onProgress: progress.update,
    });
  } finally {
    progress.done();
  }
  printFailures(result.errors, io);
  if (!options.quiet)
    writeReport(reportReporters[options.format](result, reportOptions(options.output ? false : options.color, io, false)), options.output, io);
  return result.errors.length > 0 ? EXIT.failure : EXIT.ok;
}
