import type { ChalkInstance } from 'chalk';
import type { ReportResult } from '../model/report.js';
import { bar } from './bar.js';
import { bucketLabel, count, percent } from './numbers.js';
import type { ReportOptions } from './options.js';

const BAR = 24;

/**
 * The terminal view of a report: skills by demand with bars scaled to the most named one, the share
 * of ads per category, the top pairs, the score histogram and the requirement-level split.
 */
export function reportTable(result: ReportResult, { chalk }: ReportOptions): string {
  const out: string[] = [header(result, chalk)];
  if (result.documents === 0) {
    out.push(chalk.dim('No documents were counted.'), '');
    return out.join('\n');
  }
  out.push(
    '',
    ...skills(result, chalk),
    '',
    ...categories(result, chalk),
    '',
    ...pairs(result, chalk),
    '',
    ...scores(result, chalk),
    '',
    ...levels(result, chalk),
    '',
  );
  return out.join('\n');
}

function header(r: ReportResult, chalk: ChalkInstance): string {
  const filter = r.categoryFilter ? chalk.dim(`  categories: ${r.categoryFilter.join(', ')}`) : '';
  const failed = r.errors.length > 0 ? chalk.red(`  ${count(r.errors.length)} input error${r.errors.length === 1 ? '' : 's'}`) : '';
  return `${chalk.bold(`Skill demand in ${count(r.documents)} document${r.documents === 1 ? '' : 's'}`)}${chalk.dim(`  taxonomy ${r.taxonomy.name} ${r.taxonomy.version}`)}${filter}${failed}`;
}

function skills(r: ReportResult, chalk: ChalkInstance): string[] {
  const title = chalk.bold(`Skills`) + chalk.dim(` — top ${r.skills.length} of ${r.skillsNamed} named; share = documents naming it`);
  if (r.skills.length === 0) return [title, chalk.dim('  none named')];
  const nameWidth = Math.max(...r.skills.map((s) => s.name.length), 5);
  const catWidth = Math.max(...r.skills.map((s) => s.category.length), 8);
  const top = r.skills[0]!.share || 1;
  const head = chalk.dim(
    `  ${''.padEnd(nameWidth)} ${'category'.padEnd(catWidth)} ${''.padEnd(BAR)} ${'docs'.padStart(7)} ${'share'.padStart(6)} ${'mentions'.padStart(9)}`,
  );
  const rows = r.skills.map(
    (s) =>
      `  ${s.name.padEnd(nameWidth)} ${chalk.dim(s.category.padEnd(catWidth))} ${chalk.cyan(bar(s.share / top, BAR))} ${count(s.documents).padStart(7)} ${percent(s.share).padStart(6)} ${count(s.mentions).padStart(9)}`,
  );
  return [title, head, ...rows];
}

function categories(r: ReportResult, chalk: ChalkInstance): string[] {
  const width = Math.max(...r.categories.map((c) => c.label.length), 8);
  const rows = r.categories.map(
    (c) => `  ${c.label.padEnd(width)} ${chalk.green(bar(c.share, BAR))} ${percent(c.share).padStart(6)} ${count(c.documents).padStart(7)}`,
  );
  return [chalk.bold('Categories') + chalk.dim(' — share of documents naming at least one of its skills'), ...rows];
}

function pairs(r: ReportResult, chalk: ChalkInstance): string[] {
  const title = chalk.bold('Skills named together') + chalk.dim(' — documents naming both');
  if (r.pairs.length === 0) return [title, chalk.dim('  no two skills named in one document')];
  const labels = r.pairs.map((p) => `${p.names[0]} + ${p.names[1]}`);
  const width = Math.max(...labels.map((l) => l.length));
  const top = r.pairs[0]!.documents;
  return [
    title,
    ...r.pairs.map(
      (p, i) => `  ${labels[i]!.padEnd(width)} ${chalk.magenta(bar(p.documents / top, BAR))} ${count(p.documents).padStart(7)} ${percent(p.share).padStart(6)}`,
    ),
  ];
}

function scores(r: ReportResult, chalk: ChalkInstance): string[] {
  const { mean, median, min, max, histogram } = r.scores;
  const top = Math.max(...histogram.map((b) => b.documents), 1);
  const rows = histogram.map(
    (b) =>
      `  ${bucketLabel(b.from, b.to).padStart(6)} ${chalk.yellow(bar(b.documents / top, BAR))} ${count(b.documents).padStart(7)} ${percent(b.documents / r.documents).padStart(6)}`,
  );
  return [chalk.bold('Scores') + chalk.dim(` — mean ${mean}, median ${median}, range ${min}–${max}`), ...rows];
}

function levels(r: ReportResult, chalk: ChalkInstance): string[] {
  const { required, preferred, unknown } = r.levels;
  const total = required + preferred + unknown || 1;
  const row = (label: string, n: number, paint: (s: string) => string): string =>
    `  ${label.padEnd(9)} ${paint(bar(n / total, BAR))} ${percent(n / total).padStart(6)} ${count(n).padStart(9)}`;
  return [
    chalk.bold('Requirement level') + chalk.dim(' — skill mentions per document, by the part of the ad they are in'),
    row('required', required, chalk.red),
    row('preferred', preferred, chalk.yellow),
    row('unknown', unknown, chalk.dim),
  ];
}
