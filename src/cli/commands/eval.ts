import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { InputError, UsageError } from '../../model/errors.js';
import { DEFAULT_MAX_BYTES, formatBytes, maxSizeOption } from '../../input/read.js';
import { describeFsError } from '../../input/sources.js';
import { evalReporters, type EvalFormat } from '../../report/index.js';
import { scanFiles } from '../../api/scan.js';
import { EVAL_GROUPS, checkThresholds, evaluate, type EvalGroup, type EvalReport, type MetricName, type Threshold } from '../../score/evaluate.js';
import { pairLabels, parseLabels } from '../../score/labels.js';
import { loadTaxonomy } from '../../taxonomy/index.js';
import { reportOptions } from '../color.js';
import { addConfigOptions, configure, type ConfigBinding } from '../config.js';
import { writeReport } from '../output.js';
import { EXIT, addCommonOptions, intOption, type CommandContext } from '../program.js';

interface EvalOptions {
  labels: string;
  taxonomy: string[];
  format: EvalFormat;
  output?: string;
  minF1: Threshold[];
  minPrecision: Threshold[];
  minRecall: Threshold[];
  worst: number;
  explain?: boolean;
  maxSize: string;
  color?: boolean;
  quiet?: boolean;
  printConfig?: boolean;
}

/** Configuration keys eval reads: what the taxonomy is and how inputs are read (not `ignore`: eval measures the taxonomy itself). */
const CONFIG: ConfigBinding[] = [
  { key: 'taxonomy', option: 'taxonomy' },
  // The configured format is scan's; eval takes it only when it has it (json), else keeps table.
  { key: 'format', option: 'format', skipInvalid: true },
  { key: 'max-size', option: 'maxSize' },
];

export function registerEval(program: Command, context: CommandContext): void {
  const command = program
    .command('eval')
    .summary("measure the taxonomy's precision and recall on labelled ads")
    .description(
      'Scan labelled documents and report precision, recall and F1 of the explicit mentions found (implied skills are not mentions), for technologies (every category but practices), practices, and all; per category; and the skills with the most errors.',
    )
    .argument('[inputs...]', "files, directories or globs to evaluate (default: the labels file's folder)")
    .requiredOption('--labels <file>', 'JSON: document name (path relative to the labels file, or basename) -> skill ids');
  addCommonOptions(command, Object.keys(evalReporters))
    .addOption(thresholdOption('f1'))
    .addOption(thresholdOption('precision'))
    .addOption(thresholdOption('recall'))
    .option('--worst <n>', 'how many of the worst skills to list', intOption('--worst', 0, 100000), 10)
    .option('--explain', 'list every document behind an error, not the first few')
    .option('--max-size <size>', 'refuse inputs larger than this (e.g. 10MB)', formatBytes(DEFAULT_MAX_BYTES).replace(' ', ''));
  addConfigOptions(command)
    .addHelpText(
      'after',
      `
Labels file (JSON), values either a list of ids or an object with "skills":
  { "ads/python.md": ["python", "django"], "go.txt": { "skills": ["go"], "preferred": [] } }

Examples:
  $ skillscan eval --labels fixtures/eval/labels.json fixtures/eval/ads
  $ skillscan eval --labels labels.json ads/ -t my-skills.yaml -f json
  $ skillscan eval --labels labels.json ads/ --min-precision technologies=0.99 --min-recall technologies=0.98 --min-f1 practices=0.95
  $ skillscan eval --labels labels.json ads/ --min-f1 0.9      every group must reach F1 0.9

Thresholds take N (technologies and practices) or GROUP=N, GROUP one of ${EVAL_GROUPS.join(', ')}.
Exit codes: 0 done, 1 a threshold was not met, 2 usage error, bad labels or taxonomy, unreadable input.`,
    )
    .action(async (inputs: string[], options: EvalOptions, command: Command) => {
      const resolved = await configure(command, context.io, CONFIG, options);
      if (!resolved) return;
      context.exitCode = await runEval(inputs, options, context);
    });
}

function thresholdOption(metric: MetricName): Option {
  const flag = `--min-${metric}`;
  return new Option(`${flag} <[group=]n>`, `exit 1 when ${metric === 'f1' ? 'F1' : metric} is below n (0-1); repeatable`).argParser((value: string, previous: Threshold[] = []) => [...previous, parseThreshold(flag, metric, value)]).default([]);
}

function parseThreshold(flag: string, metric: MetricName, value: string): Threshold {
  const m = /^(?:([a-z]+)=)?(.+)$/.exec(value.trim())!;
  const group = m[1] as EvalGroup | undefined;
  const min = Number(m[2]);
  if (group !== undefined && !EVAL_GROUPS.includes(group)) throw new UsageError(`${flag}: unknown group "${group}" (choose ${EVAL_GROUPS.join(', ')})`);
  if (!Number.isFinite(min) || min < 0 || min > 1) throw new UsageError(`${flag} must be a number from 0 to 1, optionally after GROUP= (got "${value}")`);
  return group ? { metric, min, group } : { metric, min };
}

async function runEval(inputs: string[], options: EvalOptions, { io }: CommandContext): Promise<number> {
  const maxBytes = maxSizeOption(options.maxSize);
  const labels = parseLabels(readLabels(options.labels, io.cwd), options.labels);
  const loaded = loadTaxonomy({ files: options.taxonomy });
  // No inputs: the labels file's folder (unlabelled files in it are listed, not evaluated).
  const targets = inputs.length > 0 ? inputs : [relative(io.cwd, dirname(resolve(io.cwd, options.labels))) || '.'];
  const scanned = await scanFiles(targets, { taxonomy: loaded, cwd: io.cwd, maxBytes, ...(io.stdin ? { stdin: io.stdin } : {}) });
  const paired = pairLabels(scanned.documents, labels, options.labels, io.cwd);
  const result = evaluate(paired.docs, loaded.compiled, { worst: options.worst });
  const checks = checkThresholds(result, [...options.minF1, ...options.minPrecision, ...options.minRecall]);
  const report: EvalReport = { ...result, unlabelled: paired.unlabelled, missing: paired.missing, errors: scanned.errors, checks };
  for (const failure of scanned.errors) io.stderr.write(`${failure.source}: ${failure.message}\n`);
  if (!options.quiet) {
    const text = evalReporters[options.format](report, reportOptions(options.output ? false : options.color, io, options.explain ?? false));
    writeReport(text, options.output, io);
  }
  if (paired.docs.length === 0) {
    io.stderr.write(`${options.labels}: none of the inputs has labels (a label names a document by its path relative to the labels file, or its basename)\n`);
    return EXIT.failure;
  }
  if (scanned.errors.length > 0) return EXIT.failure;
  return checks.every((c) => c.ok) ? EXIT.ok : EXIT.threshold;
}

function readLabels(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read the labels (${describeFsError(error)})`);
  }
}
