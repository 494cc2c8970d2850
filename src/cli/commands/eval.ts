import { Option, type Command } from 'commander';
import { evaluateFiles } from '../../api/eval.js';
import { DEFAULT_MAX_BYTES, assertOutputNotInput, formatBytes, maxSizeOption } from '../../api/options.js';
import { loadTaxonomy } from '../../api/taxonomy.js';
import { UsageError } from '../../model/errors.js';
import { EVAL_GROUPS, type EvalGroup, type MetricName, type Threshold } from '../../model/eval.js';
import { evalReporters, type EvalFormat } from '../../report/index.js';
import { reportOptions } from '../color.js';
import { addConfigOptions, configure, type ConfigBinding } from '../config.js';
import { printFailures, writeReport } from '../output.js';
import { EXIT, addCommonOptions, intOption, type CommandContext } from '../options.js';

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
  return new Option(`${flag} <[group=]n>`, `exit 1 when ${metric === 'f1' ? 'F1' : metric} is below n (0-1); repeatable`)
    .argParser((value: string, previous: Threshold[] = []) => [...previous, parseThreshold(flag, metric, value)])
    .default([]);
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
  await assertOutputNotInput(options.output, [options.labels, ...inputs], io.cwd);
  const report = await evaluateFiles(options.labels, inputs, {
    taxonomy: loadTaxonomy({ files: options.taxonomy }),
    cwd: io.cwd,
    maxBytes,
    worst: options.worst,
    thresholds: [...options.minF1, ...options.minPrecision, ...options.minRecall],
    ...(io.stdin ? { stdin: io.stdin } : {}),
  });
  printFailures(report.errors, io);
  if (!options.quiet) {
    const text = evalReporters[options.format](report, reportOptions(options.output ? false : options.color, io, options.explain ?? false));
    writeReport(text, options.output, io);
  }
  if (report.documents === 0) {
    io.stderr.write(`${options.labels}: none of the inputs has labels (a label names a document by its path relative to the labels file, or its basename)\n`);
    return EXIT.failure;
  }
  if (report.errors.length > 0) return EXIT.failure;
  return report.checks.every((c) => c.ok) ? EXIT.ok : EXIT.threshold;
}
