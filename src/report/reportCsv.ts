import type { ReportResult } from '../model/report.js';

const COLUMNS = ['id', 'name', 'category', 'documents', 'share', 'mentions', 'implied', 'required', 'preferred', 'unknown'] as const;

/** One row per skill (as listed: --top applies, 0 = all), RFC 4180: CRLF line ends, quoted when needed. */
export function reportCsv(result: ReportResult): string {
  const rows = result.skills.map((s) => [
    s.id,
    s.name,
    s.category,
    s.documents,
    s.share,
    s.mentions,
    s.implied,
    s.levels.required,
    s.levels.preferred,
    s.levels.unknown,
  ]);
  return `${[COLUMNS, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A field is quoted when it holds a comma, a quote or a line break; quotes inside are doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
