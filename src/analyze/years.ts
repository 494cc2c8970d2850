import { blankMarkup } from './sections.js';

/** What years.ts needs of a finding: where it is in the text. */
export interface Located {
  start: number;
  end: number;
}

/**
 * Years of experience attached to skill mentions. Pure: the text and the findings' offsets in, the
 * years per finding index out. The rules (docs/levels-and-years.md):
 *
 * - A years phrase is a number (digits or one..ten) or a range (lower bound), optionally "at
 *   least"/"min."/"mindestens"/"au moins"/"al menos" or a "+", then years/yrs/Jahre/ans/años
 *   ("15-year-old" is not one), or "N of them".
 * - It attaches forward to the first skill in its clause ("5+ years of Python", "3+ years building
 *   web apps with React"), and to the skills listed right after that one ("with Python and Django",
 *   "Node.js & TypeScript", "Kotlin or Java"): one figure over a list applies to each.
 * - Failing that, backward to the last skill before it in the same clause and that skill's list
 *   ("Python (4 yrs)", "Python: 5 years", "Docker and Kubernetes (at least 2 years)", "Spark, at
 *   least 2 years", "Rails applications for 5+ years").
 * - A clause ends at . ; | ! ? or a line break; forward, a comma or a bracket ends it too. So "5 years
 *   of backend development" names no skill, and in "6+ years in software, with 4+ years in C#" only
 *   the 4 reaches C#.
 * - When a skill gets several figures, the largest wins.
 */
export function findYears(text: string, findings: readonly Located[]): Map<number, number> {
  const years = new Map<number, number>();
  if (findings.length === 0) return years;
  const clean = blankMarkup(text);
  const order = findings.map((_, i) => i).sort((a, b) => findings[a]!.start - findings[b]!.start);
  for (const m of clean.matchAll(YEARS)) {
    const n = toNumber(m[1] ?? m[2]!);
    if (n === undefined || n < 1 || n > 40) continue;
    const from = m.index;
    const to = from + m[0].length;
    const group = forward(clean, findings, order, to) ?? backward(clean, findings, order, from);
    for (const i of group ?? []) years.set(i, Math.max(years.get(i) ?? 0, n));
  }
  return years;
}

const NUMBER = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|zwei|drei|vier|fünf|deux|trois|quatre|cinq|dos|tres|cuatro|cinco)';
const PREFIX = '(?:(?:at least|minimum(?: of)?|min\\.?|over|more than|mindestens|au moins|al menos|m[ií]nimo(?: de)?)\\s+)?';
const UNIT = "(?:years?|yrs?|jahre?n?|ans?|a[ñn]os?)(?:'s?|’s?)?(?![-\\w])";
const RANGE = '(?:(?:-|–|to|bis|à|a)\\s*\\d{1,2}\\s*\\+?\\s*)?';
const YEARS = new RegExp(`(?<![\\w.,/])${PREFIX}(?:${NUMBER}\\s*(?:\\+|plus)?\\s*${RANGE}${UNIT}|${NUMBER}\\s+of them\\b)`, 'giu');

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
};

function toNumber(s: string): number | undefined {
  const n = /^\d+$/.test(s) ? Number(s) : WORDS[s.toLowerCase()];
  return n;
}

const MAX_GAP_WORDS = 8;
// Between two skills of one list: commas, slashes, &, and/or (in four languages), versions ("PHP 8 and Laravel").
const LIST_GAP = /^(?:[\s,/&+]|\d+(?:\.\d+)*\+?|\((?:[^()]{0,20})\)|\b(?:and|or|und|oder|et|ou|y|o|e|as well as)\b)*$/iu;

function forward(clean: string, findings: readonly Located[], order: number[], to: number): number[] | undefined {
  const end = clauseEnd(clean, to, true);
  const first = order.find((i) => findings[i]!.start >= to && findings[i]!.start < end);
  if (first === undefined) return undefined;
  if (wordCount(clean.slice(to, findings[first]!.start)) > MAX_GAP_WORDS) return undefined;
  const group = [first];
  let last = findings[first]!;
  for (let k = order.indexOf(first) + 1; k < order.length; k++) {
    const next = findings[order[k]!]!;
    if (!LIST_GAP.test(clean.slice(last.end, next.start))) break;
    group.push(order[k]!);
    last = next;
  }
  return group;
}

function backward(clean: string, findings: readonly Located[], order: number[], from: number): number[] | undefined {
  const start = clauseStart(clean, from);
  let k = -1;
  for (let j = order.length - 1; j >= 0; j--) {
    const f = findings[order[j]!]!;
    if (f.end <= from && f.start >= start) {
      k = j;
      break;
    }
  }
  if (k < 0) return undefined;
  const gap = clean.slice(findings[order[k]!]!.end, from);
  if (wordCount(gap) > 6 || YEARS_IN_GAP.test(gap)) return undefined;
  const group = [order[k]!];
  let first = findings[order[k]!]!;
  for (let j = k - 1; j >= 0; j--) {
    const prev = findings[order[j]!]!;
    if (prev.start < start || !LIST_GAP.test(clean.slice(prev.end, first.start))) break;
    group.push(order[j]!);
    first = prev;
  }
  return group;
}

const YEARS_IN_GAP = /\b\d{1,2}\s*\+?\s*(?:years?|yrs?)\b/i;

function wordCount(s: string): number {
  return s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
}

const HARD = /[.;|!?\n\r•]/;

function clauseEnd(clean: string, from: number, soft: boolean): number {
  for (let i = from; i < clean.length; i++) {
    const c = clean[i]!;
    if (c === '.' && !/\s/.test(clean[i + 1] ?? ' ')) continue; // Node.js, .NET
    if (HARD.test(c) || (soft && (c === ',' || c === '(' || c === ')'))) return i;
  }
  return clean.length;
}

function clauseStart(clean: string, from: number): number {
  for (let i = from - 1; i >= 0; i--) {
    const c = clean[i]!;
    if (c === '.' && !/\s/.test(clean[i + 1] ?? ' ')) continue;
    if (HARD.test(c)) return i + 1;
  }
  return 0;
}
