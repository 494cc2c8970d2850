import type { CompareResult } from '../model/compare.js';

/** The stable contract: the result object itself, two-space indented, no colour. */
export function compareJson(result: CompareResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/**
 * One comparison per line (each with `schemaVersion` and `cv`, so a line stands alone), then one
 * line per input failure as `{ "error": { source, message } }`.
 */
export function compareJsonl(result: CompareResult): string {
  const lines = result.comparisons.map((c) => JSON.stringify({ schemaVersion: result.schemaVersion, cv: result.cv, ...c }));
  for (const e of result.errors) lines.push(JSON.stringify({ error: e }));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
