import type { ReportResult } from '../model/report.js';

/**
 * The report object, two-space indented, except that arrays of plain values (a raw pair, the
 * per-point scores) stay on one line: the raw pairs would otherwise take five lines each.
 */
export function reportJson(result: ReportResult): string {
  const pairs = result.raw.pairs;
  const plain = new Set<string>(); // ids checked: ~70,000 pairs name a few hundred skills
  const isPlain = (id: string): boolean => plain.has(id) || (PLAIN_ID.test(id) && plain.add(id) !== undefined);
  if (pairs.length === 0 || !pairs.every(([a, b]) => isPlain(a) && isPlain(b))) return `${collapse(JSON.stringify(result, null, 2))}\n`;
  // Tens of thousands of raw pairs: written directly, exactly as the general rule writes them,
  // instead of indenting each over five lines and collapsing it again with a regex.
  const text = collapse(JSON.stringify({ ...result, raw: { ...result.raw, pairs: [] } }, null, 2));
  const at = text.lastIndexOf(RAW_PAIRS);
  const rendered = pairs.map(([a, b, n]) => `["${a}", "${b}", ${n}]`).join(',\n      ');
  return `${text.slice(0, at)}\n    "pairs": [\n      ${rendered}\n    ]${text.slice(at + RAW_PAIRS.length)}\n`;
}

/** The raw pairs' key, as indented in the report (inside `raw`, nothing else is at that depth). */
const RAW_PAIRS = '\n    "pairs": []';

/** Skill ids as the taxonomy allows them: nothing JSON escapes, no bracket. */
const PLAIN_ID = /^[a-z0-9][a-z0-9+#.-]*$/;

function collapse(json: string): string {
  return json.replace(/\[\n\s+([^[\]{}]*?)\n\s*\]/g, (_, inner: string) => `[${inner.replace(/,\n\s+/g, ', ')}]`);
}
