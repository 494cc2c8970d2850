import type { ChalkInstance } from 'chalk';
import type { Comparison, CompareResult, MissingSkill, Requirement } from '../model/compare.js';
import { bar } from './bar.js';
import { collapseAlternatives, fitArithmetic, gapCount, gapLabel, verdict } from './compareText.js';
import type { ReportOptions } from './options.js';

/**
 * The terminal view of a CV against ads: per ad its fit and a verdict line, then the gaps to work
 * on (required first, each with where the ad asks for it), typo suggestions, partly covered skills,
 * what matched and what the CV has in addition; with several ads, a ranking by fit.
 */
export function compareTable(result: CompareResult, options: ReportOptions): string {
  const out: string[] = [];
  for (const c of result.comparisons) out.push(block(c, result.cv, options), '');
  if (result.comparisons.length > 1) out.push(ranking(result, options.chalk), '');
  return out.join('\n');
}

function block(c: Comparison, cv: string, { chalk, explain }: ReportOptions): string {
  const color = c.fit >= 70 ? chalk.green : c.fit >= 40 ? chalk.yellow : chalk.red;
  const lines = [`${chalk.bold(c.job)}  ${color.bold(`fit ${c.fit}/100`)} ${chalk.cyan(bar(c.fit / 100, 10))}  ${chalk.dim(`CV ${cv}`)}`];
  lines.push(`  ${verdict(c)}`);
  const required = c.missing.filter((m) => m.level === 'required');
  const preferred = c.missing.filter((m) => m.level === 'preferred');
  if (required.length > 0) lines.push('', chalk.bold(`  Required gaps (${collapseAlternatives(required).length})`), ...gapLines(required, chalk));
  if (preferred.length > 0) lines.push('', chalk.bold(`  Preferred gaps (${collapseAlternatives(preferred).length})`), ...gapLines(preferred, chalk));
  if (c.suggestions.length > 0) {
    lines.push('', chalk.bold('  Did you mean?'));
    for (const s of c.suggestions)
      lines.push(`    "${s.word}" (CV ${s.line}:${s.column}) looks like ${chalk.bold(s.name)}, which the ad asks for; fix the spelling if you meant it`);
  }
  const implied = c.matched.filter((m) => m.implied);
  if (implied.length > 0) {
    lines.push('', chalk.bold(`  Partly covered (${implied.length})`));
    for (const m of implied) lines.push(`    ${chalk.yellow('~')} ${m.name.padEnd(20)} implied by ${m.impliedBy?.join(', ')} in your CV; name it explicitly`);
  }
  const named = c.matched.filter((m) => !m.implied);
  lines.push(
    '',
    `  ${chalk.bold(`Matched (${named.length})`)}  ${named.length > 0 ? named.map((m) => chalk.green(m.name) + (m.years !== undefined ? chalk.dim(` (${m.years}+ yrs asked${m.cvYears !== undefined ? `, CV ${m.cvYears}` : ''})`) : '')).join(', ') : chalk.dim('—')}`,
  );
  lines.push(`  ${chalk.bold(`Extra in CV (${c.extra.length})`)}  ${c.extra.length > 0 ? chalk.dim(c.extra.map((e) => e.name).join(', ')) : chalk.dim('—')}`);
  if (explain) lines.push('', chalk.bold('  Fit'), ...fitArithmetic(c).map((l) => `  ${l}`), ...requirementLines(c.requirements, chalk));
  return lines.join('\n');
}

function gapLines(gaps: MissingSkill[], chalk: ChalkInstance): string[] {
  const rows = collapseAlternatives(gaps).map(({ gap, names }) => ({ gap, label: gapLabel(gap, names) }));
  const width = Math.min(40, Math.max(...rows.map((r) => r.label.length)));
  return rows.map(({ gap, label }) => {
    const mark = gap.reason === 'years' ? chalk.yellow('~') : chalk.red('✗');
    return `    ${mark} ${label.padEnd(width)}  ${chalk.dim(`ad ${gap.at.line}:${gap.at.column}`.padEnd(10))} ${chalk.dim(`"${gap.at.snippet}"`)}`;
  });
}

function requirementLines(requirements: Requirement[], chalk: ChalkInstance): string[] {
  return requirements.map((r) => chalk.dim(`    ${r.skills.join(' | ').padEnd(30)} ${r.level.padEnd(9)} weight ${r.weight} × credit ${r.credit}`));
}

function ranking(result: CompareResult, chalk: ChalkInstance): string {
  const sorted = [...result.comparisons].sort((a, b) => b.fit - a.fit);
  const lines = [chalk.bold(`Ranking (${sorted.length} ads${result.errors.length > 0 ? chalk.red(`, ${result.errors.length} failed`) : ''})`)];
  sorted.forEach((c, i) => {
    const gaps = gapCount(c, 'required');
    lines.push(`  ${String(i + 1).padStart(2)}. ${String(c.fit).padStart(3)}  ${c.job}  ${chalk.dim(`${gaps} required gap${gaps === 1 ? '' : 's'}`)}`);
  });
  return lines.join('\n');
}
