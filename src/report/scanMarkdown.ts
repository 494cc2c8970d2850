import type { DocumentResult, ScanResult, SkillResult } from '../model/result.js';
import type { ReportOptions } from './options.js';

/**
 * GitHub-flavoured Markdown for a job summary (`$GITHUB_STEP_SUMMARY`) or a PR comment: per document a
 * heading with its score, a table of categories with the skills found, and the matches in a
 * collapsed `<details>` block. No colour, no terminal widths.
 */
export function scanMarkdown(result: ScanResult, _options?: ReportOptions): string {
  const out: string[] = [];
  if (result.documents.length > 1) out.push(summary(result), '');
  for (const doc of result.documents) out.push(...documentSection(doc));
  if (result.errors.length > 0) {
    out.push('### Inputs that could not be scanned', '');
    for (const e of result.errors) out.push(`- \`${code(e.source)}\`: ${text(e.message)}`);
    out.push('');
  }
  return out.join('\n');
}

function summary(result: ScanResult): string {
  const scores = result.documents.map((d) => d.score);
  const mean = Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
  return `**${result.documents.length} documents** scanned with taxonomy ${text(result.taxonomy.name)} ${text(result.taxonomy.version)}: score mean ${mean}, min ${Math.min(...scores)}, max ${Math.max(...scores)}.`;
}

function documentSection(doc: DocumentResult): string[] {
  const named = doc.skills.filter((s) => !s.implied);
  const out = [`### ${text(doc.source)} — score ${doc.score}/100`, ''];
  if (named.length === 0) return [...out, '_No skills from the taxonomy were found in this text._', ''];
  out.push(`${named.length} skill${named.length === 1 ? '' : 's'} named.`, '', '| Category | Found / target | Skills |', '|---|---:|---|');
  for (const c of doc.coverage) {
    const skills = doc.skills.filter((s) => s.category === c.category);
    if (skills.length === 0) continue;
    out.push(`| ${cell(c.label)} | ${c.matched}/${c.target} | ${skills.map(skillCell).join(', ')} |`);
  }
  const matches = named.flatMap((s) => s.matches.map((m) => ({ s, m }))).sort((a, b) => a.m.offset - b.m.offset);
  out.push('', `<details><summary>${matches.length} match${matches.length === 1 ? '' : 'es'}</summary>`, '', '| Line:col | Skill | Context |', '|---|---|---|');
  for (const { s, m } of matches) out.push(`| ${m.line}:${m.column} | ${cell(s.name)} | ${cell(m.snippet)} |`);
  out.push('', '</details>', '');
  return out;
}

function skillCell(s: SkillResult): string {
  if (s.implied) return `_${cell(s.name)} (implied)_`;
  const count = s.count > 1 ? ` ×${s.count}` : '';
  return `**${cell(s.name)}**${count}${s.level === 'preferred' ? ' (preferred)' : s.level === 'excluded' ? ' (not used)' : ''}`;
}

/** Text inside a table cell: Markdown and HTML characters escaped, pipes and line breaks made harmless. */
function cell(value: string): string {
  return text(value)
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ');
}

/** Text outside code: characters that would start Markdown emphasis, links, code or HTML are escaped. */
function text(value: string): string {
  return value
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/[\\`*_[\]~]/g, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Text inside an inline code span: backticks cannot be escaped there, so they are replaced. */
function code(value: string): string {
  return value.replace(/`/g, "'").replace(/\r?\n|\r/g, ' ');
}
