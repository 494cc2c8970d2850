import type { ReportResult } from '../score/reportTypes.js';

/**
 * The report object, two-space indented, except that arrays of plain values (a raw pair, the
 * per-point scores) stay on one line: the raw pairs would otherwise take five lines each.
 */
export function reportJson(result: ReportResult): string {
  const text = JSON.stringify(result, null, 2).replace(/\[\n\s+([^[\]{}]*?)\n\s*\]/g, (_, inner: string) => `[${inner.replace(/,\n\s+/g, ', ')}]`);
  return `${text}\n`;
}
