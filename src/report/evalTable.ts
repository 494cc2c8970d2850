import type { ChalkInstance } from 'chalk';
import { EVAL_GROUPS, type EvalReport, type Metrics } from '../model/eval.js';
import type { ReportOptions } from './options.js';

const DOCS_SHOWN = 4;

/**
 * `eval --format table`: metrics per group (technologies, practices, all) and per category, the
 * skills with the most errors and where they happen, then any threshold that was not met.
 */
export function evalTable(report: EvalReport, { chalk, explain }: ReportOptions): string {
  const out: string[] = [];
  out.push(
    chalk.bold(
      `Evaluation of taxonomy ${report.taxonomy.name} ${report.taxonomy.version} on ${report.documents} labelled document${report.documents === 1 ? '' : 's'}`,
    ),
    '',
  );
  const width = Math.max(14, ...report.categories.map((c) => c.label.length));
  out.push(header(width, chalk));
  for (const group of EVAL_GROUPS) out.push(row(group, report.groups[group], width, chalk, group === 'all'));
  if (report.categories.length > 0) {
    out.push('', header(width, chalk, 'category'));
    for (const c of report.categories) out.push(row(c.label, c, width, chalk));
  }
  if (report.worst.length > 0) {
    out.push('', chalk.bold('Worst skills (false positives + false negatives)'));
    for (const s of report.worst) {
      out.push(`  ${s.name} ${chalk.dim(`(${s.id}, ${s.category})`)}  ${chalk.red(`FP ${s.fp}`)}  ${chalk.yellow(`FN ${s.fn}`)}`);
      if (s.fp > 0) out.push(`      found, not labelled: ${docs(s.falsePositives, explain)}`);
      if (s.fn > 0) out.push(`      labelled, not found: ${docs(s.falseNegatives, explain)}`);
    }
  }
  if (report.unknownLabels.length > 0) {
    out.push('', chalk.bold('Labels that are not skills of the taxonomy (each counted as a false negative)'));
    for (const u of report.unknownLabels)
      out.push(`  ${chalk.yellow(u.id)}${u.suggestion ? ` (did you mean "${u.suggestion}"?)` : ''}: ${docs(u.documents, explain)}`);
  }
  if (report.unlabelled.length > 0)
    out.push('', chalk.dim(`${report.unlabelled.length} scanned document(s) have no labels and were not evaluated: ${docs(report.unlabelled, explain)}`));
  if (report.missing.length > 0)
    out.push('', chalk.dim(`${report.missing.length} labelled document(s) were not among the inputs: ${docs(report.missing, explain)}`));
  const failed = report.checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    out.push('');
    for (const c of failed) out.push(chalk.red(`${c.group} ${c.metric} ${fmt(c.actual)} is below the minimum ${c.min}`));
  }
  return `${out.join('\n')}\n`;
}

function header(width: number, chalk: ChalkInstance, first = ''): string {
  return chalk.dim(`  ${first.padEnd(width)}  precision  recall      F1     TP     FP     FN`);
}

function row(label: string, m: Metrics, width: number, chalk: ChalkInstance, bold = false): string {
  const text = `  ${label.padEnd(width)}  ${fmt(m.precision).padStart(9)}  ${fmt(m.recall).padStart(6)}  ${fmt(m.f1).padStart(6)}  ${String(m.tp).padStart(5)}  ${String(m.fp).padStart(5)}  ${String(m.fn).padStart(5)}`;
  return bold ? chalk.bold(text) : text;
}

function fmt(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}

function docs(list: readonly string[], all: boolean): string {
  if (all || list.length <= DOCS_SHOWN) return list.join(', ');
  return `${list.slice(0, DOCS_SHOWN).join(', ')} and ${list.length - DOCS_SHOWN} more (--explain lists all)`;
}
