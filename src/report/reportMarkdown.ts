import type { ReportResult } from '../model/report.js';
import { bar } from './bar.js';
import { bucketLabel, count, percent } from './numbers.js';

/** GitHub-flavoured Markdown tables, ready for `$GITHUB_STEP_SUMMARY` or a pull-request comment. */
export function reportMarkdown(r: ReportResult): string {
  const out: string[] = [`## Skill demand in ${count(r.documents)} document${r.documents === 1 ? '' : 's'}`, ''];
  const filter = r.categoryFilter ? ` · categories: ${r.categoryFilter.join(', ')}` : '';
  out.push(
    `Taxonomy ${cell(r.taxonomy.name)} ${cell(r.taxonomy.version)}${filter} · score mean ${r.scores.mean}, median ${r.scores.median}${r.errors.length > 0 ? ` · **${count(r.errors.length)} input errors**` : ''}`,
    '',
  );
  if (r.documents === 0) return `${out.join('\n')}No documents were counted.\n`;
  const topShare = r.skills[0]?.share || 1;
  out.push(`### Skills (top ${r.skills.length} of ${r.skillsNamed} named)`, '');
  out.push(
    ...table(
      ['#', 'Skill', 'Category', 'Documents', 'Share', '', 'Mentions'],
      ['r', 'l', 'l', 'r', 'r', 'l', 'r'],
      r.skills.map((s, i) => [String(i + 1), s.name, s.category, count(s.documents), percent(s.share), mdBar(s.share / topShare), count(s.mentions)]),
    ),
    '',
  );
  out.push('### Categories (share of documents naming at least one skill)', '');
  out.push(
    ...table(
      ['Category', 'Documents', 'Share', ''],
      ['l', 'r', 'r', 'l'],
      r.categories.map((c) => [c.label, count(c.documents), percent(c.share), mdBar(c.share)]),
    ),
    '',
  );
  if (r.pairs.length > 0) {
    out.push('### Skills named together', '');
    out.push(
      ...table(
        ['Pair', 'Documents', 'Share'],
        ['l', 'r', 'r'],
        r.pairs.map((p) => [`${p.names[0]} + ${p.names[1]}`, count(p.documents), percent(p.share)]),
      ),
      '',
    );
  }
  out.push(`### Scores (mean ${r.scores.mean}, median ${r.scores.median}, range ${r.scores.min}–${r.scores.max})`, '');
  const topBucket = Math.max(...r.scores.histogram.map((b) => b.documents), 1);
  out.push(
    ...table(
      ['Score', 'Documents', 'Share', ''],
      ['r', 'r', 'r', 'l'],
      r.scores.histogram.map((b) => [bucketLabel(b.from, b.to), count(b.documents), percent(b.documents / r.documents), mdBar(b.documents / topBucket)]),
    ),
    '',
  );
  const { required, preferred, unknown } = r.levels;
  const all = required + preferred + unknown || 1;
  out.push('### Requirement level (skill named per document)', '');
  out.push(
    ...table(
      ['Level', 'Count', 'Share'],
      ['l', 'r', 'r'],
      [
        ['required', required],
        ['preferred', preferred],
        ['unknown', unknown],
      ].map(([l, n]) => [String(l), count(Number(n)), percent(Number(n) / all)]),
    ),
    '',
  );
  if (r.errors.length > 0) {
    out.push('### Input errors', '', ...r.errors.slice(0, 50).map((e) => `- \`${e.source.replace(/`/g, "'")}\`: ${cell(e.message)}`));
    if (r.errors.length > 50) out.push(`- … and ${r.errors.length - 50} more`);
    out.push('');
  }
  return out.join('\n');
}

function table(head: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  const line = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `|${align.map((a) => (a === 'r' ? ' ---: ' : ' --- ')).join('|')}|`, ...rows.map(line)];
}

/** Text safe in a table cell: pipes escaped, no line breaks, Markdown-active characters defused. */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/([*_`<>[\]])/g, '\\$1');
}

/** A bar without the dotted track: Markdown tables already draw the column. */
const mdBar = (fraction: number): string => bar(fraction, 12).replace(/·+$/, '');
