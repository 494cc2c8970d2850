import type { ScanResult } from '../model/result.js';

export const CSV_COLUMNS = ['source', 'score', 'id', 'name', 'category', 'count', 'implied', 'level', 'first_line', 'first_column'] as const;

/**
 * CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break): one row
 * per document × skill, in the JSON order. A document without skills still has one row, with the
 * skill fields empty, so that every scanned document appears.
 */
export function scanCsv(result: ScanResult): string {
  const rows: (string | number | boolean)[][] = [[...CSV_COLUMNS]];
  for (const doc of result.documents) {
    if (doc.skills.length === 0) rows.push([doc.source, doc.score, '', '', '', '', '', '', '', '']);
    for (const s of doc.skills) {
      const first = s.matches[0];
      rows.push([doc.source, doc.score, s.id, s.name, s.category, s.count, s.implied, s.level ?? '', first?.line ?? '', first?.column ?? '']);
    }
  }
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

export function csvField(value: string | number | boolean): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
