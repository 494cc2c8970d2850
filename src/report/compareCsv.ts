import type { CompareResult } from '../model/compare.js';

const HEADER = ['job', 'fit', 'skill', 'name', 'category', 'status', 'level', 'years_asked', 'cv_years', 'ad_line', 'ad_column'];

/**
 * One row per job × skill (RFC 4180: CRLF, quotes doubled): status is matched, implied, missing,
 * too-few-years or extra; extra skills have no level.
 */
export function compareCsv(result: CompareResult): string {
  const rows: (string | number | undefined)[][] = [HEADER];
  for (const c of result.comparisons) {
    for (const m of c.matched) rows.push([c.job, c.fit, m.id, m.name, m.category, m.implied ? 'implied' : 'matched', m.level, m.years, m.cvYears, '', '']);
    for (const m of c.missing)
      rows.push([
        c.job,
        c.fit,
        m.id,
        m.name,
        m.category,
        m.reason === 'years' ? 'too-few-years' : 'missing',
        m.level,
        m.years,
        m.cvYears,
        m.at.line,
        m.at.column,
      ]);
    for (const e of c.extra) rows.push([c.job, c.fit, e.id, e.name, e.category, 'extra', '', '', '', '', '']);
  }
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string | number | undefined): string {
  const s = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
