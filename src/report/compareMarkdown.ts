import type { CompareResult, Comparison } from '../model/compare.js';
import { collapseAlternatives, fitArithmetic, gapCount, gapLabel, verdict } from './compareText.js';
import type { ReportOptions } from './options.js';

/** GitHub-flavoured markdown for a job summary or a PR comment: a ranking table, then one section per ad. */
export function compareMarkdown(result: CompareResult, options: ReportOptions): string {
  const out = [`## CV \`${code(result.cv)}\` against ${result.comparisons.length} job ad${result.comparisons.length === 1 ? '' : 's'}`, ''];
  const sorted = [...result.comparisons].sort((a, b) => b.fit - a.fit);
  out.push('| Job | Fit | Required gaps | Preferred gaps |', '|---|---:|---:|---:|');
  for (const c of sorted) out.push(`| \`${code(c.job)}\` | ${c.fit} | ${gapCount(c, 'required')} | ${gapCount(c, 'preferred')} |`);
  out.push('');
  for (const c of result.comparisons) out.push(...section(c, options.explain), '');
  if (result.errors.length > 0) out.push('### Could not read', '', ...result.errors.map((e) => `- \`${code(e.source)}\`: ${escapeMarkdown(e.message)}`), '');
  return out.join('\n');
}

function section(c: Comparison, explain: boolean): string[] {
  const lines = [`### \`${code(c.job)}\` — fit ${c.fit}/100`, '', escapeMarkdown(verdict(c)), ''];
  if (c.missing.length > 0) {
    lines.push('| Gap | Level | Where the ad asks |', '|---|---|---|');
    for (const { gap: g, names } of collapseAlternatives(c.missing))
      lines.push(`| ${escapeMarkdown(gapLabel(g, names))} | ${g.level} | ${g.at.line}:${g.at.column} ${escapeMarkdown(g.at.snippet)} |`);
    lines.push('');
  }
  for (const s of c.suggestions) lines.push(`- Did you mean **${escapeMarkdown(s.name)}**? Your CV says "${escapeMarkdown(s.word)}" (${s.line}:${s.column}).`);
  for (const m of c.matched.filter((x) => x.implied))
    lines.push(`- ${escapeMarkdown(m.name)} is only implied (by ${escapeMarkdown(m.impliedBy?.join(', ') ?? '')}); name it explicitly.`);
  const named = c.matched.filter((m) => !m.implied);
  lines.push(`- **Matched (${named.length}):** ${named.map((m) => escapeMarkdown(m.name)).join(', ') || '—'}`);
  lines.push(`- **Extra in CV (${c.extra.length}):** ${c.extra.map((e) => escapeMarkdown(e.name)).join(', ') || '—'}`);
  if (explain) lines.push('', '```', ...fitArithmetic(c), '```');
  return lines;
}

/** Markdown and table syntax in text becomes literal. */
function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]|<>#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function code(s: string): string {
  return s.replace(/`/g, "'");
}
