import { layoutBreaks } from './layout.js';
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
 * - A group in brackets right after the skill, or after the few words that follow the figure, shares
 *   it: "3+ years of AWS (EC2, S3, RDS)", "5+ years with Python frameworks (Django or Flask)".
 * - A figure in a lead-in line that ends in ":" and names no skill gives its years to the list under
 *   it: "At least 5 years of experience with:" then "- Kafka", "- Terraform".
 * - A flattened ad's items (see layout.ts) end a clause as a line break does.
 * - When a skill gets several figures, the largest wins.
 */
/**
 * With `phrases`, the years phrase that gave each finding its figure is recorded there too (where it
 * starts, as written).
 */
export function findYears(
  text: string,
  findings: readonly Located[],
  breaks: readonly number[] = layoutBreaks(text),
  phrases?: Map<number, { start: number; text: string }>,
): Map<number, number> {
  const years = new Map<number, number>();
  if (findings.length === 0) return years;
  const clean = blankMarkup(text);
  const lines = new Set(breaks);
  const order = findings.map((_, i) => i).sort((a, b) => findings[a]!.start - findings[b]!.start);
  const at = { clean, findings, order, starts: order.map((i) => findings[i]!.start), lines };
  for (const m of clean.matchAll(YEARS)) {
    const n = toNumber(m[1] ?? m[2]!);
    if (n === undefined || n < 1 || n > 40) continue;
    const from = m.index;
    const to = from + m[0].length;
    const group = forward(at, to) ?? backward(at, from) ?? leadInList(at, to);
    for (const i of group ?? []) {
      if (n <= (years.get(i) ?? 0)) continue;
      years.set(i, n);
      phrases?.set(i, { start: from, text: text.slice(from, to).trim() });
    }
  }
  return years;
}

/** The text and findings a years phrase is read against. */
interface Context {
  clean: string;
  findings: readonly Located[];
  /** Finding indexes in text order, and their starts (for binary searches: every step stays linear). */
  order: number[];
  starts: number[];
  /** Offsets where a flattened line begins. */
  lines: ReadonlySet<number>;
}

const NUMBER = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|zwei|drei|vier|fünf|deux|trois|quatre|cinq|dos|tres|cuatro|cinco)';
const PREFIX = '(?:(?:at least|minimum(?: of)?|min\\.?|over|more than|mindestens|au moins|al menos|m[ií]nimo(?: de)?)\\s+)?';
const UNIT = "(?:years?|yrs?|jahre?n?|ans?|a[ñn]os?)(?:'s?|’s?)?(?![-\\w])";
const RANGE = '(?:(?:-|–|to|bis|à|a)\\s*\\d{1,2}\\s*\\+?\\s*)?';
// "three (3) years", "5 or more years", "5+ years"
const MORE = '(?:\\(\\d{1,2}\\)\\s*)?(?:\\+|plus|or more|or above)?';
const YEARS = new RegExp(`(?<![\\w.,/])${PREFIX}(?:${NUMBER}\\s*${MORE}\\s*${RANGE}${UNIT}|${NUMBER}\\s+of them\\b)`, 'giu');

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

const MAX_GAP_WORDS = 12;
// Between two skills of one list: commas, slashes, &, and/or (in four languages), versions ("PHP 8 and Laravel").
const LIST_GAP = /^(?:[\s,/&+]|\d+(?:\.\d+)*\+?|\((?:[^()]{0,20})\)|\b(?:and|or|und|oder|et|ou|y|o|e|as well as)\b)*$/iu;

function forward(at: Context, to: number): number[] | undefined {
  const { clean, findings, order } = at;
  const end = clauseEnd(at, to, true);
  const k0 = firstAtOrAfter(at.starts, to);
  const first = k0 < order.length && at.starts[k0]! < end ? order[k0] : undefined;
  // No skill before a bracket: "4+ years with Big Data frameworks (Hadoop, HBase)" gives the group.
  if (first === undefined) return clean[end] === '(' && wordCount(clean.slice(to, end)) <= MAX_GAP_WORDS ? bracketGroup(at, end) : undefined;
  const gap = clean.slice(to, findings[first]!.start);
  if (wordCount(gap) > MAX_GAP_WORDS || YEARS_IN_GAP.test(gap)) return undefined; // "5 years of ..., and 3+ years with Node.js"
  const group = [first];
  let last = findings[first]!;
  for (let k = k0 + 1; k < order.length; k++) {
    const next = findings[order[k]!]!;
    const between = clean.slice(last.end, next.start);
    if (!isListGap(between) && !USING.test(between) && !SUCH_AS.test(between)) break;
    group.push(order[k]!);
    last = next;
  }
  // "AWS (EC2, S3)", "Python web server frameworks (Django or Flask)": the bracket after the group shares it.
  const open = /^[^.;:!?()\n\r•]{0,40}?\(/u.exec(clean.slice(last.end, last.end + 41));
  if (open && wordCount(open[0]) <= 4) for (const i of bracketGroup(at, last.end + open[0].length - 1) ?? []) if (!group.includes(i)) group.push(i);
  return group;
}

/** "ETL using Informatica", "APIs with Go": the tool a skill is practised with shares its figure. */
const USING = /^\s+(?:using|with|in|on)\s+$/iu;
/** "ESB's such as MQ/JMS", "message brokers like Kafka": the examples share the figure (an alternative name before a slash too). */
const SUCH_AS = /^(?:['’]s)?\s*,?\s+(?:such as|like|e\.?g\.?,?|including|incl\.?)\s+(?:[\p{L}\p{N}.+#]+\s*\/\s*)?$/iu;

/**
 * The findings of the bracket that opens at `open`, when it is a list of them ("(EC2, S3, RDS)",
 * "(preferably NodeJS, ExpressJS)", "(e.g. Django or Flask)"); not a remark that names one ("(Show us
 * your GitHub profile)", "(Laravel experience is also welcome)").
 */
function bracketGroup(at: Context, open: number): number[] | undefined {
  const { clean, findings } = at;
  const found = clean.slice(open, open + 301).indexOf(')'); // a bracket of a list closes within a sentence
  if (found < 0) return undefined;
  const close = open + found;
  const inside = inRange(at, open + 1, close).filter((i) => findings[i]!.end <= close);
  if (inside.length === 0) return undefined;
  if (wordCount(clean.slice(open + 1, findings[inside[0]!]!.start)) > 2 || wordCount(clean.slice(findings[inside[inside.length - 1]!]!.end, close)) > 2)
    return undefined;
  for (let k = 1; k < inside.length; k++) if (!isListGap(clean.slice(findings[inside[k - 1]!]!.end, findings[inside[k]!]!.start))) return undefined;
  return inside;
}

/**
 * "At least 5 years of experience with:" ending its line, then a list: the skills of the list's
 * items (bullets, blank lines between them allowed) get the figure.
 */
function leadInList(at: Context, to: number): number[] | undefined {
  const { clean } = at;
  const lineEnd = nextLineStart(at, to, MAX_CLAUSE);
  if (!lineEnd || !/[:：]\s*$/u.test(clean.slice(to, lineEnd.textEnd))) return undefined;
  let end = lineEnd.next;
  for (let line = lineEnd.next; line < clean.length; ) {
    const next = nextLineStart(at, line);
    const content = clean.slice(line, next.textEnd);
    if (content.trim() === '') {
      if (next.next < clean.length && clean.slice(next.next, nextLineStart(at, next.next).textEnd).trim() === '') break; // two blank lines
    } else if (/^\s*(?:[-*+•·◦▪‣–—]|\d{1,2}[.)])\s*/u.test(content)) end = next.textEnd;
    else break;
    line = next.next;
  }
  const inside = inRange(at, lineEnd.next, end);
  return inside.length > 0 ? inside : undefined;
}

/**
 * Where the line holding `from` ends (its text, and where the next line starts), flattened lines
 * included; undefined when it runs on for more than `within` characters.
 */
function nextLineStart(at: Context, from: number): { textEnd: number; next: number };
function nextLineStart(at: Context, from: number, within: number): { textEnd: number; next: number } | undefined;
function nextLineStart(at: Context, from: number, within = Number.POSITIVE_INFINITY): { textEnd: number; next: number } | undefined {
  const { clean, lines } = at;
  const limit = Math.min(clean.length, from + within);
  for (let i = from; i < limit; i++) {
    if (i > from && lines.has(i)) return { textEnd: i, next: i };
    const c = clean.charCodeAt(i);
    if (c === 10) return { textEnd: i, next: i + 1 };
    if (c === 13) return { textEnd: i, next: clean.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return limit < clean.length ? undefined : { textEnd: clean.length, next: clean.length };
}

/**
 * Whether the text between two skills joins them in one list: separators, versions, and/or, a short
 * bracket, an alternative name after a slash ("Git/Stash, Jira"), and, in a comma list, items of a
 * few words that are not skills ("Unit Tests, Instrumented Tests, and End to End Tests").
 */
function isListGap(gap: string): boolean {
  if (LIST_GAP.test(gap)) return true;
  if (!/[,/&]/u.test(gap)) return false;
  const items = gap.split(/[,/&]|\b(?:and|or|und|oder|et|ou|y|o|e)\b/iu);
  // The next skill follows a separator at once ("Git/Stash, Jira", not "SQL experience, preferably with PostgreSQL").
  if (!LIST_GAP.test(items[items.length - 1]!)) return false;
  return items.every((item) => LIST_GAP.test(item) || (wordCount(item) <= 3 && !/[.;:!?()]/.test(item)));
}

function backward(at: Context, from: number): number[] | undefined {
  const { clean, findings, order } = at;
  const start = clauseStart(at, from);
  let k = -1;
  // The last finding that ends before the figure and starts in its clause (findings do not nest here).
  for (let j = firstAtOrAfter(at.starts, from) - 1; j >= 0 && at.starts[j]! >= start; j--) {
    if (findings[order[j]!]!.end <= from) {
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
    if (prev.start < start || !isListGap(clean.slice(prev.end, first.start))) break;
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

/**
 * How far a clause is read from a figure: a sentence's length. Text without punctuation (a scraped
 * page, an attack) would otherwise be read to its end from every figure in it.
 */
const MAX_CLAUSE = 400;

function clauseEnd(at: Context, from: number, soft: boolean): number {
  const { clean, lines } = at;
  const limit = Math.min(clean.length, from + MAX_CLAUSE);
  for (let i = from; i < limit; i++) {
    if (i > from && lines.has(i)) return i;
    const c = clean[i]!;
    if (c === '.' && !/\s/.test(clean[i + 1] ?? ' ')) continue; // Node.js, .NET
    if (soft && c === ',' && shortItemFollows(clean, i + 1)) continue; // "designing, developing & maintaining ETL"
    if (HARD.test(c) || (soft && (c === ',' || c === '(' || c === ')'))) return i;
  }
  return limit;
}

/** After a comma: an item of at most three words before the next comma or the clause's end. */
function shortItemFollows(clean: string, from: number): boolean {
  const m = /^[^,.;:!?()|\n\r•]{1,60}/u.exec(clean.slice(from, from + 61));
  return m !== null && m[0].length < 60 && wordCount(m[0]) <= 3 && !/\d/.test(m[0]); // "Python — 6 years, Go — 2 years": an item with its own figure
}

function clauseStart(at: Context, from: number): number {
  const { clean, lines } = at;
  const limit = Math.max(0, from - MAX_CLAUSE);
  for (let i = from - 1; i >= limit; i--) {
    if (lines.has(i + 1) && i + 1 < from) return i + 1;
    const c = clean[i]!;
    if (c === '.' && !/\s/.test(clean[i + 1] ?? ' ')) continue;
    if (HARD.test(c)) return i + 1;
  }
  return limit;
}

/** The index of the first start at or after `x` in ascending `starts`. */
function firstAtOrAfter(starts: readonly number[], x: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The findings (indexes) that start in [from, to), in text order. */
function inRange(at: Context, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = firstAtOrAfter(at.starts, from); k < at.order.length && at.starts[k]! < to; k++) out.push(at.order[k]!);
  return out;
}
