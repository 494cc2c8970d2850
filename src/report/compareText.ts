import type { Comparison, MissingSkill } from '../model/compare.js';
import type { Level } from '../model/result.js';

/** One line that says how good the fit is and what to do first. */
export function verdict(c: Comparison): string {
  if (c.requirements.length === 0) return 'The ad names no skills from the taxonomy: nothing to compare (fit 100 by definition).';
  const required = collapseAlternatives(c.missing.filter((m) => m.level === 'required'));
  const preferred = collapseAlternatives(c.missing.filter((m) => m.level === 'preferred'));
  const band = c.fit >= 85 ? 'Strong match' : c.fit >= 65 ? 'Good match' : c.fit >= 40 ? 'Partial match' : 'Weak match';
  if (required.length === 0 && preferred.length === 0) return `${band}: your CV covers every skill the ad asks for.`;
  if (required.length === 0) return `${band}: all required skills covered; ${count(preferred.length, 'preferred gap')} (${names(preferred)}).`;
  return `${band}: ${count(required.length, 'required gap')} to close first (${names(required)})${preferred.length > 0 ? `, then ${count(preferred.length, 'preferred gap')}` : ''}.`;
}

/** A gap as a short label: "Kafka or RabbitMQ (any one)", "Java (3 years asked, CV states 1)". */
export function gapLabel(g: MissingSkill, names: ReadonlyMap<string, string> = new Map()): string {
  let label = g.name;
  if (g.anyOf) label = `${g.anyOf.map((id) => names.get(id) ?? id).join(' or ')} (any one)`;
  if (g.reason === 'years') label += ` (${g.years}+ years asked, CV states ${g.cvYears})`;
  else if (g.years !== undefined) label += ` (${g.years}+ years)`;
  return label;
}

/** The fit formula with this comparison's numbers. */
export function fitArithmetic(c: Comparison): string[] {
  const weights = c.requirements.reduce((s, r) => s + r.weight, 0);
  const earned = c.requirements.reduce((s, r) => s + r.weight * r.credit, 0);
  return [
    'fit = 100 × Σ weight × credit / Σ weight over the requirements (a skill, or alternatives: any one counts)',
    '  weight: required 1, preferred 0.5; credit: named in the CV 1, implied by a named skill or fewer years than asked 0.5, absent 0',
    weights === 0 ? '  the ad asks for nothing: fit 100' : `  = 100 × ${round(earned)} / ${round(weights)} = ${c.fit}`,
  ];
}

function names(gaps: { gap: MissingSkill; names: Map<string, string> }[]): string {
  const shown = gaps.slice(0, 5).map(({ gap, names }) => (gap.anyOf ? gap.anyOf.map((id) => names.get(id) ?? id).join(' or ') : gap.name));
  return shown.join(', ') + (gaps.length > 5 ? `, +${gaps.length - 5} more` : '');
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** Gaps with alternatives collapse into one line per group ("AWS or Azure or Google Cloud (any one)"). */
export function collapseAlternatives(gaps: MissingSkill[]): { gap: MissingSkill; names: Map<string, string> }[] {
  const names = new Map(gaps.map((g) => [g.id, g.name]));
  const seen = new Set<string>();
  const out: { gap: MissingSkill; names: Map<string, string> }[] = [];
  for (const g of gaps) {
    const key = g.anyOf ? `${g.level}:${g.anyOf.join('|')}` : `${g.level}:${g.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ gap: g, names });
  }
  return out;
}

/** Gaps at a level, a group of alternatives counting once. */
export function gapCount(c: Comparison, level: Level): number {
  return collapseAlternatives(c.missing.filter((m) => m.level === level)).length;
}
