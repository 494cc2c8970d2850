import type { ChalkInstance } from 'chalk';
import type { CategoryCoverage, DocumentResult, ScanResult, SkillResult } from '../model/result.js';
import { bar } from './bar.js';
import type { ReportOptions } from './options.js';

/**
 * The terminal view: per document its score, then one line per category with its coverage bar and
 * the skills found (count and first line:col), implied skills marked; `explain` adds every match and
 * the score's arithmetic.
 */
export function scanTable(result: ScanResult, options: ReportOptions): string {
  const out: string[] = [];
  for (const doc of result.documents) out.push(documentBlock(doc, options), '');
  if (result.documents.length > 1) out.push(summary(result, options.chalk), '');
  return out.join('\n');
}

function documentBlock(doc: DocumentResult, { chalk, explain }: ReportOptions): string {
  const lines: string[] = [];
  const named = doc.skills.filter((s) => !s.implied).length;
  lines.push(`${chalk.bold(doc.source)}  ${scoreBadge(doc.score, chalk)}  ${chalk.dim(`${named} skill${named === 1 ? '' : 's'} named`)}`);
  if (named === 0) {
    lines.push(chalk.dim('  No skills from the taxonomy were found in this text.'));
    if (explain) lines.push(...explanation(doc, chalk));
    return lines.join('\n');
  }
  const labelWidth = Math.max(...doc.coverage.map((c) => c.label.length), 8);
  for (const c of doc.coverage) {
    const skills = doc.skills.filter((s) => s.category === c.category);
    if (c.weight === 0 && skills.length === 0) continue;
    const head = `  ${c.label.padEnd(labelWidth)} ${chalk.cyan(bar(c.covered, 10))} ${`${c.matched}/${c.target}`.padStart(5)}`;
    lines.push(`${head}  ${skills.length > 0 ? skills.map((s) => skillLabel(s, chalk)).join(', ') : chalk.dim('—')}`);
  }
  if (explain) lines.push(...explanation(doc, chalk));
  return lines.join('\n');
}

function skillLabel(skill: SkillResult, chalk: ChalkInstance): string {
  if (skill.implied) return chalk.dim(`${skill.name} (implied by ${skill.impliedBy?.join(', ')})`);
  const first = skill.matches[0]!;
  const count = skill.count > 1 ? ` ×${skill.count}` : '';
  const level = skill.level === 'preferred' ? chalk.yellow(' [preferred]') : skill.level === 'excluded' ? chalk.dim(' [not used]') : '';
  return `${chalk.green(skill.name)}${count}${chalk.dim(` ${first.line}:${first.column}`)}${level}`;
}

function scoreBadge(score: number, chalk: ChalkInstance): string {
  const color = score >= 70 ? chalk.green : score >= 40 ? chalk.yellow : chalk.red;
  return color.bold(`score ${score}/100`);
}

function explanation(doc: DocumentResult, chalk: ChalkInstance): string[] {
  const lines = ['', chalk.bold('  Matches')];
  const matches = doc.skills.flatMap((s) => s.matches.map((m) => ({ skill: s, m }))).sort((a, b) => a.m.offset - b.m.offset);
  for (const { skill, m } of matches) {
    const where = `${m.line}:${m.column}`.padEnd(8);
    const level = m.level ? chalk.dim(` [${m.level}]`) : '';
    lines.push(`  ${where} ${skill.name.padEnd(22)} ${chalk.dim(`"${m.snippet}"`)}${level}`);
  }
  for (const s of doc.skills.filter((k) => k.implied))
    lines.push(`  ${'implied'.padEnd(8)} ${s.name.padEnd(22)} ${chalk.dim(`from ${s.impliedBy?.join(', ')}`)}`);
  const decided = doc.skills.filter((s) => s.levelCue || s.yearsFrom);
  if (decided.length > 0) lines.push('', chalk.bold('  Levels and years'));
  for (const s of decided) {
    const why = [
      s.levelCue && `${s.level}: "${s.levelCue.text}" ${s.levelCue.line}:${s.levelCue.column}`,
      s.yearsFrom && `${s.years} years: "${s.yearsFrom.text}" ${s.yearsFrom.line}:${s.yearsFrom.column}`,
    ].filter(Boolean);
    lines.push(`  ${s.name.padEnd(31)} ${chalk.dim(why.join('; '))}`);
  }
  lines.push('', chalk.bold('  Score'), ...scoreArithmetic(doc.coverage, doc.score));
  return lines;
}

/** The score formula with this document's numbers, category by category. */
export function scoreArithmetic(coverage: CategoryCoverage[], score: number): string[] {
  const scored = coverage.filter((c) => c.weight > 0);
  const weights = scored.reduce((sum, c) => sum + c.weight, 0);
  const earned = scored.reduce((sum, c) => sum + c.weight * c.covered, 0);
  const lines = ['  covered = min(1, (named + 0.5 × implied) / target); score = 100 × Σ weight × covered / Σ weight'];
  const width = Math.max(...scored.map((c) => c.label.length));
  for (const c of scored) {
    lines.push(
      `    ${c.label.padEnd(width)}  weight ${String(c.weight).padStart(3)} × covered ${c.covered.toFixed(2)} (${c.matched} of target ${c.target}) = ${(c.weight * c.covered).toFixed(2)}`,
    );
  }
  lines.push(`    = 100 × ${earned.toFixed(2)} / ${weights} = ${score}`);
  return lines;
}

function summary(result: ScanResult, chalk: ChalkInstance): string {
  const scores = result.documents.map((d) => d.score);
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const failed = result.errors.length > 0 ? chalk.red(`, ${result.errors.length} failed`) : '';
  return chalk.bold(
    `${result.documents.length} documents scanned${failed}; score mean ${Math.round(mean)}, min ${Math.min(...scores)}, max ${Math.max(...scores)}`,
  );
}
