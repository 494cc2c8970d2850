import type { Command } from 'commander';
import { DEFAULT_MAX_BYTES, assertInputs, assertOutputNotInput, checkIgnored, formatBytes, maxSizeOption } from '../../api/options.js';
import { scanFiles } from '../../api/scan.js';
import { loadTaxonomy } from '../../api/taxonomy.js';
import type { DocumentResult, ScanResult } from '../../model/result.js';
import { scanReporters, type ScanFormat } from '../../report/index.js';
import { scanJsonlLine } from '../../report/scanJsonl.js';
import { reportOptions } from '../color.js';
import { addConfigOptions, configure, type ConfigBinding } from '../config.js';
import { openSink, printFailures, writeReport } from '../output.js';
import { EXIT, addCommonOptions, collect, intOption, type CommandContext } from '../options.js';

interface ScanOptions {
  taxonomy: string[];
  format: ScanFormat;
  output?: string;
  minScore?: number;
  explain?: boolean;
  maxSize: string;
  jsonl?: boolean;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  ignore: string[];
  printConfig?: boolean;
}

/** Configuration keys scan reads (skillscan.config.yaml), and the options they set. */
const CONFIG: ConfigBinding[] = [
  { key: 'taxonomy', option: 'taxonomy' },
  { key: 'format', option: 'format' },
  { key: 'min-score', option: 'minScore' },
  { key: 'max-size', option: 'maxSize' },
  { key: 'ignore', option: 'ignore' },
];

export function registerScan(program: Command, context: CommandContext): void {
  const command = program
    .command('scan')
    .summary('find the skills a job ad or CV names, with a score per document')
    .description('Find the skills each input names (files, directories, globs, or stdin) and score how completely it covers the backend stack.')
    .argument('[inputs...]', "files, directories, glob patterns, or '-' for stdin (default: stdin when piped)");
  addCommonOptions(command, Object.keys(scanReporters))
    .option('--explain', 'list every match with line:col and a snippet, and how the score was made')
    .option('--min-score <n>', 'exit 1 when any document scores below n (0-100)', intOption('--min-score', 0, 100))
    .option('--jsonl', 'inputs are JSON Lines, one ad per line: {"text": ..., "id"?: ...} (.gz read directly); with -f jsonl, results are written as they come')
    .option('--max-size <size>', 'refuse inputs larger than this (e.g. 10MB)', formatBytes(DEFAULT_MAX_BYTES).replace(' ', ''))
    .option('--ignore <id>', 'leave this skill out of the results and the score (repeatable)', collect, []);
  addConfigOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  $ skillscan scan fixtures/jobs/python-backend.md
  $ skillscan scan job.txt --explain             every match with line:col, and the score formula
  $ pbpaste | skillscan scan -                   an ad from the clipboard
  $ skillscan scan ads/ -f json -o scan.json     a folder, as JSON for scripts
  $ skillscan scan 'ads/*.md' --min-score 50     exit 1 if an ad scores below 50
  $ skillscan scan ads/ -f markdown >> "$GITHUB_STEP_SUMMARY"
  $ skillscan scan ads/ -f csv -o skills.csv      one row per document and skill
  $ skillscan scan --jsonl ads.jsonl.gz -f jsonl  one result line per ad, as it goes (a mapper)
  $ skillscan scan --print-config                 what skillscan.config.yaml and the flags resolve to

Exit codes: 0 done, 1 a document scored below --min-score, 2 usage error, bad taxonomy or unreadable input.`,
    )
    .action(async (inputs: string[], options: ScanOptions, command: Command) => {
      const resolved = await configure(command, context.io, CONFIG, options);
      if (!resolved) return;
      context.exitCode = await scan(inputs, options, context, resolved.sources.get('ignore') ?? 'default');
    });
}

async function scan(inputs: string[], options: ScanOptions, { io }: CommandContext, ignoreFrom: string): Promise<number> {
  const maxBytes = maxSizeOption(options.maxSize);
  // Whether stdin is a terminal matters only without inputs (asking loads the tty module).
  if (inputs.length === 0) assertInputs(inputs, io.stdin === undefined || io.stdin.isTTY === true);
  // The taxonomy is checked before any input is read: a bad one fails fast with exit 2.
  const loaded = loadTaxonomy({ files: options.taxonomy });
  checkIgnored(options.ignore, loaded.compiled, ignoreFrom);
  const streamed = options.jsonl === true && options.format === 'jsonl' && !options.quiet;
  const targets = inputs.length === 0 ? ['-'] : inputs;
  await assertOutputNotInput(options.output, targets, io.cwd);
  const request = { taxonomy: loaded, cwd: io.cwd, ignore: options.ignore, ...(io.stdin ? { stdin: io.stdin } : {}) };
  let result: ScanResult;
  if (options.jsonl) {
    // JSON Lines reading (zlib, streams) is loaded only for --jsonl: a plain scan starts without it.
    const { scanJsonl } = await import('../../api/scanJsonl.js');
    // With -f jsonl each result line is written as soon as its chunk is scanned (a mapper for GNU
    // parallel, Hadoop Streaming, Spark pipe): memory stays flat and output starts at once.
    const sink = streamed ? openSink(options.output, io) : undefined;
    try {
      const onDocuments = sink && ((docs: DocumentResult[]) => sink.write(docs.map(scanJsonlLine).join('')));
      result = await scanJsonl(targets, { ...request, ...(onDocuments ? { onDocuments } : {}) });
    } catch (error) {
      sink?.abandon();
      throw error;
    }
    sink?.close();
  } else result = await scanFiles(targets, { ...request, maxBytes });
  printFailures(result.errors, io);
  if (!options.quiet && !streamed) {
    const report = scanReporters[options.format](result, reportOptions(options.output ? false : options.color, io, options.explain ?? false));
    writeReport(report, options.output, io);
  }
  if (result.errors.length > 0) return EXIT.failure;
  if (options.minScore !== undefined && result.documents.some((d) => d.score < options.minScore!)) return EXIT.threshold;
  return EXIT.ok;
}
