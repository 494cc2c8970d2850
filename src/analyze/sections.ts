import type { SkillLevel } from '../model/result.js';
import { isAsciiLetter } from '../match/chars.js';
import type { CompiledCues } from '../model/compiled.js';
import { builtinCompiled } from '../taxonomy/builtin.js';
import { NEGATION_WORDS } from '../taxonomy/cues.js';
import { layoutBreaks } from './layout.js';

/**
 * Requirement levels from an ad's structure. Pure: text in, ranges out (offsets into the same text).
 * Everything outside a returned range is required. The rules (docs/levels-and-years.md):
 *
 * 1. A heading opens a section that runs to the next heading (of the same or a higher level for
 *    markdown `#` headings). A heading is a markdown `#` line, an HTML `<h1-6>` line, a line that is
 *    all bold, an ALL CAPS line, a short line ending in `:`, or a short line alone after a blank line
 *    and followed by text. Its level is preferred when its words are a "nice to have" cue (English,
 *    German, French, Spanish); any other heading sets the level back to required.
 * 2. A cue label with text after it on the same line ("Nice to have: React, Heroku", "Wünschenswert:
 *    Kotlin") makes the rest of that line (and its continuation lines) preferred.
 * 3. An inline cue applies to its clause only: "Go is a plus", "Kafka experience is also welcome",
 *    "(GCP preferred)" reach back to the start of the clause; "ideally Terraform", "bonus points for
 *    Rust" reach forward to its end. A clause ends at . ! ? ; | a line break or a bracket, and at a
 *    comma unless the part before the comma is a one- or two-word list item ("Go, Rust or Zig is a plus").
 */
export interface LevelRange {
  start: number;
  end: number;
  level: SkillLevel;
  /** The cue that set the level, as written ("Nice to have", "is a plus"), and where it starts. */
  cue: string;
  cueAt: number;
}

// Word edges that know accented letters (JavaScript's `\b` knows only ASCII: it finds an edge inside
// "souhaitées", after the é, and none after "souhaité "). Cues are whole words, as the tokenizer sees
// them. One pair around a whole alternation: one pair per alternative is much slower.
const WORD = '[\\p{L}\\p{N}_]';
const START_OF_WORD = `(?<!${WORD})`;
const END_OF_WORD = `(?!${WORD})`;

/**
 * The requirement cues (taxonomy/cues/LANG.yaml, compiled with the taxonomy) as the analysis uses
 * them. Made once per compiled taxonomy.
 */
export interface LevelCues {
  /** Heading or label text (lower case, markup removed) that opens a preferred section; anchored at
   * the start, so "Immediate joiners preferred" (a title line) is not a cue. */
  heading: RegExp;
  /** A heading cue glued to the end of a line ("microservice architectureNice to have:"); sticky: tried where words were glued. */
  glued: RegExp;
  /** Other section names: on a line of their own they are headings even without markup, and end a
   * preferred section. (Any heading that is not a preferred cue counts as required.) */
  section: RegExp;
  /** Inline cues that look back over their clause: "Go is a plus", "(GCP preferred)". */
  after: RegExp;
  /** Inline cues that look forward over their clause: "ideally Terraform", "bonus points for Rust". */
  before: RegExp;
  /** A line ending in ":" that holds one of these introduces a preferred list. */
  leadIn: RegExp;
  /** A clause that says a skill is not used or needed ("our projects do not use PHP"). */
  negation: RegExp;
  /** A cheap test that a text may hold an inline cue: it holds one of their words. */
  quick: RegExp;
  /** Every cue word (as the tokenizer normalises tokens), and those of inline cues. */
  words: ReadonlySet<string>;
  inlineWords: ReadonlySet<string>;
  /** Inline words that count only after a given word ("not" before "required"), with that word. */
  inlineAfter: ReadonlyMap<string, string>;
  /** Inline words that count only before a given word ("good" before "to have"), with that word. */
  inlineBefore: ReadonlyMap<string, string>;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compiledCues = new WeakMap<CompiledCues, LevelCues>();
let builtinCues: CompiledCues | undefined;

/** The analysis's cues for a compiled taxonomy's cue data (default: the shipped taxonomy's). */
export function levelCues(cues: CompiledCues = (builtinCues ??= builtinCompiled().taxonomy.cues)): LevelCues {
  let made = compiledCues.get(cues);
  if (made) return made;
  // The inline cues start with a lookahead for the first letters their texts can have: it changes no
  // match, but rejects most positions before the Unicode word-edge test.
  const letters = (set: string): string => `(?=[${set.replace(/[\\\]^-]/g, '\\$&')}])`;
  const first = letters(cues.firstLetters);
  const afterAtEnd = `(?:${cues.afterAtEnd})(?=\\s*(?:[.;,)!]|$))`;
  made = {
    heading: new RegExp(`^(?:${cues.heading})(?:\\s+(?:if|for|when|but|to|you|that)${END_OF_WORD}.*|\\s*\\(.*)?$`, 'u'),
    glued: new RegExp(`(?:${cues.heading})\\s*[:：]\\s*$`, 'iuy'),
    section: new RegExp(`^(?:${cues.section})${END_OF_WORD}`, 'u'),
    after: new RegExp(`${first}${START_OF_WORD}(?:(?:${cues.after})${END_OF_WORD}|${afterAtEnd})`, 'giu'),
    before: new RegExp(`${first}${START_OF_WORD}(?:${cues.before})${END_OF_WORD}`, 'giu'),
    leadIn: new RegExp(`${START_OF_WORD}(?:${cues.leadIn})${END_OF_WORD}`, 'iu'),
    negation: new RegExp(`${letters(cues.negationFirstLetters)}${START_OF_WORD}(?:${cues.negation})${END_OF_WORD}`, 'giu'),
    quick: new RegExp(
      cues.inlineWords
        .map(
          (w) =>
            (cues.inlineAfter[w] ? `${escapeRegExp(cues.inlineAfter[w])}\\s+` : '') +
            escapeRegExp(w) +
            (cues.inlineBefore[w] ? `\\s+${escapeRegExp(cues.inlineBefore[w])}` : ''),
        )
        .join('|') || '(?!)',
      'iu',
    ),
    words: new Set(cues.words),
    inlineWords: new Set(cues.inlineWords),
    inlineAfter: new Map(Object.entries(cues.inlineAfter)),
    inlineBefore: new Map(Object.entries(cues.inlineBefore)),
  };
  compiledCues.set(cues, made);
  return made;
}

const BOLD_LINE_START = /^\s*(?:<(?:p|div|li)\b[^>]*>\s*)?(?:\*\*|__|<(?:b|strong)\b[^>]*>)/i;
const BOLD_LINE_END = /(?:\*\*|__|<\/(?:b|strong)>)\s*[:：]?\s*(?:<\/(?:p|div|li)>)?\s*(?:<br\s*\/?>)?\s*$/i;

interface Line {
  start: number;
  /** End of the line's text (before the line break). */
  end: number;
  /** The line with markup blanked out (same length, so offsets are shared). */
  clean: string;
}

/** A line as read from the text. */
interface TextLine extends Line {
  raw: string;
}

const LONG_LINE = 4000;
const CUE_WINDOW = 400;

/**
 * Preferred ranges of `text`, sorted and non-overlapping in the order found.
 *
 * Two optional inputs make it cheaper without changing the result:
 * - `mentions` (sorted offsets of the skills found): inline cues are looked for only on lines that
 *   hold a mention: a cue on a line without a skill changes nothing.
 * - `cues` (offsets of the section cue words, from `Matcher.match`): outside a preferred section, only
 *   lines holding a cue word (or ending in ":", for labels glued to the text before them) are read.
 *   Every heading, label and inline cue that sets a level holds such a word, and the other lines only
 *   matter to end an open section, so those are read while one is open.
 */
export function findLevelRanges(text: string, mentions?: readonly number[], cues?: readonly number[], cueSet: LevelCues = levelCues()): LevelRange[] {
  const lines = new LineReader(text, layoutBreaks(text));
  // Cue word offsets in order, for the trigger lines and for lineHasCue below (the tokenizer gives
  // them in text order; sorting a copy otherwise keeps that a convenience, not a contract).
  const cueWords = cues ? ascending(cues) : undefined;
  const triggers = cueWords ? lineTriggers(text, cueWords, lines.breaks) : undefined;
  const ranges: LevelRange[] = [];
  let section: { start: number; depth: number; cue: string } | undefined; // a section starts at its heading, the cue
  const close = (at: number): void => {
    if (section && at > section.start) ranges.push({ start: section.start, end: at, level: 'preferred', cue: section.cue, cueAt: section.start });
    section = undefined;
  };
  let next = 0; // index of the first mention not before the current line
  // The parts of a line to search for inline cues: all of it, or, on a very long line (a scraped page
  // with no line breaks), a window around each mention, so the cost follows the mentions, not the size.
  const cueParts = (line: Line): Line[] => {
    if (!mentions) return [line];
    while (next < mentions.length && mentions[next]! < line.start) next++;
    if (next >= mentions.length || mentions[next]! >= line.end) return [];
    if (line.end - line.start <= LONG_LINE) return [line];
    const parts: Line[] = [];
    for (let k = next; k < mentions.length && mentions[k]! < line.end; k++) {
      const start = Math.max(line.start, mentions[k]! - CUE_WINDOW);
      const end = Math.min(line.end, mentions[k]! + CUE_WINDOW);
      const last = parts[parts.length - 1];
      if (last && start <= last.end) last.end = end;
      else parts.push({ start, end, clean: '' });
    }
    for (const part of parts) part.clean = line.clean.slice(part.start - line.start, part.end - line.start);
    return parts;
  };
  // Whether a line holds a cue word: without one it cannot be a preferred heading or label (every cue
  // holds one), so the cue expressions are not run on it. Lines come in text order.
  let c = 0;
  const lineHasCue = (line: Line): boolean => {
    if (!cueWords) return true;
    while (c < cueWords.length && cueWords[c]! < line.start) c++;
    return c < cueWords.length && cueWords[c]! < line.end;
  };
  // The cue words that may begin an inline cue's word ("plus", not "great"): a part of a line without
  // one holds no inline cue. Parts come in text order.
  const inlineWords = cueWords?.filter((at) => mayBeInlineCue(text, at, cueSet));
  let ic = 0;
  const hasInlineCue = (part: Line): boolean => {
    if (!inlineWords) return true;
    while (ic < inlineWords.length && inlineWords[ic]! < part.start) ic++;
    return ic < inlineWords.length && inlineWords[ic]! < part.end;
  };
  let k = 0; // index of the first trigger not before the current line
  // The line to read after `after`: the next one, or, outside a section, the next one with a trigger.
  const advance = (after: Line | undefined): TextLine | undefined => {
    if (section || !triggers) return after ? lines.next(after) : lines.at(0);
    const from = after ? after.end : 0;
    while (k < triggers.length && triggers[k]! < from) k++;
    return k < triggers.length ? lines.at(triggers[k]!) : undefined;
  };
  for (let line = advance(undefined); line; line = advance(line)) {
    // A flattened line (layout.ts) may begin with a cue glued to the word before it ("deploymentPluses
    // include:"), which the tokenizer did not see as a word of its own: such a line is read as one with a cue.
    const hasCue = lineHasCue(line) || (lines.breaks.length > 0 && !isBreak(text.charCodeAt(line.start - 1)) && line.start > 0);
    // Outside a section, a line without a cue word sets nothing (no cue heading, label or inline cue)
    // unless it ends in a glued label: the ":" lines read for those are mostly something else.
    if (!section && !hasCue && !gluedLabel(line, cueSet)) continue;
    const heading = asHeading(text, lines, line, hasCue, cueSet);
    if (heading) {
      if (section && heading.depth > section.depth) continue; // a sub-heading inside the section
      close(line.start + heading.at);
      // A glued label ("architectureNice to have:") has no cue token of its own: its text is a cue already.
      const cue = hasCue || heading.glued ? preferredCue(heading.text, cueSet) : undefined;
      if (cue) section = { start: line.start + heading.at, depth: heading.depth, cue };
      continue;
    }
    const label = labelWithValue(line.clean, hasCue, cueSet);
    if (label?.known && section) close(line.start); // "Key skills: Go, AWS" after a Nice to have list
    if (label?.cue && !section) {
      const end = continuationEnd(lines, line);
      ranges.push({ start: line.start + label.valueAt, end, level: 'preferred', cue: label.cue, cueAt: line.start + label.cueAt });
      continue;
    }
    if (section) continue;
    // "You would ideally have:" / "The following would be a plus:" introduce a preferred list.
    if (hasCue && endsWithColon(line.clean)) {
      const leadIn = cueSet.leadIn.exec(line.clean);
      if (leadIn) ranges.push({ start: line.end, end: listEnd(lines, line), level: 'preferred', cue: leadIn[0], cueAt: line.start + leadIn.index });
    }
    for (const part of cueParts(line)) if (hasInlineCue(part)) ranges.push(...inlineCues(part, cueSet, inlineWords !== undefined));
  }
  close(text.length);
  return ranges;
}

/** Sorted offsets of the lines worth reading outside a section: cue words, and a ":" that ends a line. */
function lineTriggers(text: string, cues: readonly number[], breaks: readonly number[]): readonly number[] {
  // A flattened line is read whatever it holds: its first word may be a cue glued to the one before it.
  let triggers = breaks.length > 0 ? mergeAscending(cues, breaks) : cues;
  const breakSet = breaks.length > 0 ? new Set(breaks) : undefined;
  for (const colon of [':', '：']) {
    const colons: number[] = [];
    for (let at = text.indexOf(colon); at >= 0; at = text.indexOf(colon, at + 1)) if (endsLine(text, at + 1, breakSet)) colons.push(at);
    if (colons.length > 0) triggers = mergeAscending(triggers, colons);
  }
  return triggers;
}

/**
 * `values` when already in ascending order (as the tokenizer and the matcher give offsets), else a
 * sorted copy: sorting allocates work arrays, and these run once or twice per document.
 */
function ascending(values: readonly number[]): readonly number[] {
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) return [...values].sort((a, b) => a - b);
  return values;
}

/** Two ascending lists as one. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

/** Nothing but spaces (or markup, which blankMarkup removes: checked loosely) from `from` to the line's end. */
function endsLine(text: string, from: number, breaks?: ReadonlySet<number>): boolean {
  for (let i = from; i < text.length; i++) {
    if (breaks?.has(i)) return true;
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c === 60 || c === 38 || c === 42 || c === 95 || c === 96) return true; // < & * _ ` : maybe markup
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * Lines of a text on demand (a document is mostly skipped, see findLevelRanges). A line ends at
 * \r\n, \r or \n. Markup is blanked per line, or, when a tag spans lines, once for the whole text.
 */
class LineReader {
  private whole: string | undefined;
  private readonly spanningTags: boolean;
  private readonly hasCr: boolean;

  /**
   * `breaks`: ascending offsets where a line begins without a line break before it (the lines of a
   * flattened ad, see layout.ts).
   */
  constructor(
    private readonly text: string,
    readonly breaks: readonly number[] = [],
  ) {
    this.spanningTags = text.includes('<') && SPANNING_TAG.test(text);
    this.hasCr = text.includes('\r');
  }

  /** The line that holds `offset`. */
  at(offset: number): TextLine {
    const text = this.text;
    let start: number;
    let end: number;
    if (!this.hasCr) {
      // indexOf runs over the characters far faster than a loop
      start = offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
      end = text.indexOf('\n', offset);
      if (end < 0) end = text.length;
    } else {
      start = offset;
      while (start > 0 && !isBreak(text.charCodeAt(start - 1))) start--;
      end = offset;
      while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
    }
    if (this.breaks.length > 0) {
      const k = firstAbove(this.breaks, offset); // breaks[k - 1] <= offset < breaks[k]
      if (k > 0 && this.breaks[k - 1]! > start) start = this.breaks[k - 1]!;
      if (k < this.breaks.length && this.breaks[k]! < end) end = this.breaks[k]!;
    }
    return this.line(start, end);
  }

  next(line: Line): TextLine | undefined {
    const text = this.text;
    if (line.end >= text.length) return undefined;
    if (!isBreak(text.charCodeAt(line.end))) return this.at(line.end); // a flattened line's end
    const start = line.end + (text.charCodeAt(line.end) === 13 && text.charCodeAt(line.end + 1) === 10 ? 2 : 1);
    return this.at(start);
  }

  previous(line: Line): TextLine | undefined {
    if (line.start === 0) return undefined;
    const text = this.text;
    if (!isBreak(text.charCodeAt(line.start - 1))) return this.at(line.start - 1);
    const end = line.start - (text.charCodeAt(line.start - 1) === 10 && text.charCodeAt(line.start - 2) === 13 ? 2 : 1);
    return this.at(end);
  }

  private line(start: number, end: number): TextLine {
    const raw = this.text.slice(start, end);
    if (this.spanningTags && this.whole === undefined) this.whole = blankMarkup(this.text);
    const clean = this.whole !== undefined ? this.whole.slice(start, end) : mayHoldMarkup(raw) ? blankMarkup(raw) : raw;
    return { start, end, clean, raw };
  }
}

const isBreak = (c: number): boolean => c === 10 || c === 13;

/** The index of the first value above `x` in ascending `values`. */
function firstAbove(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/**
 * A tag of blankMarkup's pattern with a line break inside. Without one, blanking each line read gives
 * what blanking the whole text gives, and most of an HTML ad is never read.
 */
const SPANNING_TAG = /<\/?[a-zA-Z][^<>]*[\r\n][^<>]*>/iu;
/**
 * Whether blankMarkup can change the line: each of its patterns needs one of these. Most lines have
 * none and are their own clean text; a "* item" bullet or a lone "&" or "_" does not count.
 */
function mayHoldMarkup(raw: string): boolean {
  if (!MARKUP_START.test(raw)) return false; // one scan settles most lines
  return raw.includes('<') || raw.includes('**') || raw.includes('__') || raw.includes('`') || (raw.includes('&') && raw.includes(';'));
}
const MARKUP_START = /[<&*_`]/;

/** The sorted start offsets of findings: the `mentions` argument of findLevelRanges. */
export function mentionOffsets(findings: readonly { start: number }[]): readonly number[] {
  return ascending(findings.map((f) => f.start));
}

/** The range (and so the cue) a preferred offset lies in: for `DocumentOptions.cueAt`. */
export function cueLookup(ranges: readonly LevelRange[]): (offset: number) => LevelRange | undefined {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  return (offset) => {
    // The last range starting at or before the offset, then back over those that still hold it.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && k >= lo - 16; k--) if (sorted[k]!.end > offset) return sorted[k];
    return undefined;
  };
}

/** A lookup for `DocumentOptions.levelAt`: preferred inside a range, required everywhere else. */
export function levelLookup(ranges: LevelRange[]): (offset: number) => SkillLevel {
  if (ranges.length === 0) return () => 'required';
  const preferred = mergedSpans(ranges.every((r) => r.level === 'preferred') ? ranges : ranges.filter((r) => r.level === 'preferred'));
  const excluded = ranges.some((r) => r.level === 'excluded') ? mergedSpans(ranges.filter((r) => r.level === 'excluded')) : [];
  // A clause that says a skill is not used wins over the section it stands in.
  return (offset) => (excluded.length > 0 && inSpans(excluded, offset) ? 'excluded' : inSpans(preferred, offset) ? 'preferred' : 'required');
}

/** The ranges as sorted, merged [start, end) spans, so a lookup is a binary search. */
function mergedSpans(ranges: readonly LevelRange[]): [number, number][] {
  const merged: [number, number][] = [];
  for (const r of ascendingStarts(ranges)) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last[1]) last[1] = Math.max(last[1], r.end);
    else merged.push([r.start, r.end]);
  }
  return merged;
}

/** The ranges by start: as they are when already so (findLevelRanges mostly finds them in order). */
function ascendingStarts(ranges: readonly LevelRange[]): readonly LevelRange[] {
  for (let i = 1; i < ranges.length; i++) if (ranges[i]!.start < ranges[i - 1]!.start) return [...ranges].sort((a, b) => a.start - b.start);
  return ranges;
}

function inSpans(spans: readonly [number, number][], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = spans[mid]!;
    if (offset < start) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The clauses that say a skill is not used or needed ("Our projects do not use PHP, Perl", "no Java
 * needed"): level `excluded`. Only the lines that name a skill (`mentions`, sorted) and hold a word
 * that says no are searched; a cue reaches over the rest of its clause and its list.
 */
export function findExclusions(text: string, mentions: readonly number[], cues: LevelCues = levelCues()): LevelRange[] {
  const ranges: LevelRange[] = [];
  let lineEnd = -1;
  for (const at of mentions) {
    if (at < lineEnd) continue; // a line already searched
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - lineStart > 4000) continue; // a flattened ad's line: too long to read as one clause
    const raw = text.slice(lineStart, lineEnd);
    if (!NEGATION_WORDS.test(raw)) continue; // most lines hold no word that says no
    const line = mayHoldMarkup(raw) ? blankMarkup(raw) : raw;
    for (const m of line.matchAll(cues.negation)) {
      // The clause it stands in, both ways: "Our projects do not use PHP, Perl", "Java is not used".
      const start = Math.min(m.index, clauseStart(line, m.index));
      const end = Math.max(m.index + m[0].length, clauseEnd(line, m.index + m[0].length));
      ranges.push({ start: lineStart + start, end: lineStart + end, level: 'excluded', cue: m[0].trim(), cueAt: lineStart + m.index });
    }
  }
  return ranges;
}

/** The heading's text when it is a preferred cue ("Nice to have"), else undefined. */
export function preferredCue(heading: string, cues: LevelCues = levelCues()): string | undefined {
  const words = normalizeHeading(heading);
  const parts = words.split(/[^\p{L}\p{N}]+/u);
  if (words.split(' ').length > 12 || !parts.some((w) => cues.words.has(w))) return undefined; // the big regex only for a heading with a cue word
  // A heading made of a cue ("Nice to have"), or a lead-in ending in ":" ("You would ideally have:").
  const m = cues.heading.exec(words) ?? (/[:：]\s*$/.test(heading) ? cues.leadIn.exec(words) : null);
  return m ? heading.trim() : undefined;
}

const LETTERS = /\p{L}+/uy;

/**
 * Whether the cue word the tokenizer noted at `at` can be part of an inline cue. A word that is not
 * a known cue word (the tokenizer saw it differently) counts as one: skipping must never lose a cue.
 */
function mayBeInlineCue(text: string, at: number, cues: LevelCues): boolean {
  let end = at;
  while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
  let word: string;
  if (end < text.length && text.charCodeAt(end) >= 128) {
    // accented or other letters: the tokenizer's normalisation
    LETTERS.lastIndex = at;
    const found = LETTERS.exec(text);
    if (!found) return true;
    word = found[0].normalize('NFKC').toLowerCase();
  } else {
    word = text.slice(at, end).toLowerCase(); // NFKC leaves ASCII letters as they are
  }
  if (!cues.words.has(word)) return true;
  if (!cues.inlineWords.has(word)) return false;
  // One space apart, as cues are written; a cue written otherwise is still found on a line read for
  // another reason: this test only lets lines be skipped.
  const previous = cues.inlineAfter.get(word);
  if (previous !== undefined && !wordAt(text, at - 1 - previous.length, previous)) return false;
  const next = cues.inlineBefore.get(word);
  return next === undefined || wordAt(text, at + word.length + 1, next);
}

/** Whether `word` (lower case, ASCII) stands whole at `at`. */
function wordAt(text: string, at: number, word: string): boolean {
  if (at < 0 || at + word.length > text.length) return false;
  if (at > 0 && isAsciiLetter(text.charCodeAt(at - 1))) return false;
  if (at + word.length < text.length && isAsciiLetter(text.charCodeAt(at + word.length))) return false;
  return text.slice(at, at + word.length).toLowerCase() === word;
}

// The same heading is normalised up to three times in a row (cue? known name? cue of the heading).
let lastHeading = '';
let lastWords = '';

function normalizeHeading(text: string): string {
  if (text !== lastHeading) {
    lastWords = normalizeWords(text);
    lastHeading = text;
  }
  return lastWords;
}

function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{Extended_Pictographic}\u2600-\u27bf]/gu, ' ')
    .replace(/^[\s#*_>•·\-–—\d.)]+/u, '')
    .replace(/^h[1-6]\s+/u, '') // a scraper's "## H2 Title"
    .replace(/[\s:：!.*_]+$/u, '')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markup that is not text becomes spaces of the same length: HTML tags, entities, `**`, `__`. */
export function blankMarkup(text: string): string {
  return text.replace(/<\/?[a-zA-Z][^<>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);|\*\*|__|`/giu, (m) => ' '.repeat(m.length));
}

const BULLET = /^\s*(?:[-*+•·◦▪‣–—]|\d{1,2}[.)])\s+/u;
const isBlank = (line: Line | undefined): boolean => line === undefined || line.clean.trim() === '';
const isBullet = (raw: string, line: Line): boolean => BULLET.test(line.clean) || /^\s*<li\b/i.test(raw);

/** A heading: its text, where it starts in the line, its depth (1-6, or 7 for non-markdown), and whether it is a glued label. */
interface Heading {
  text: string;
  at: number;
  depth: number;
  glued?: true;
}

/** The line as a heading, or undefined. */
function asHeading(text: string, lines: LineReader, line: TextLine, hasCue: boolean, cues: LevelCues): Heading | undefined {
  const raw = line.raw;
  const md = raw.includes('#') ? /^\s{0,3}(#{1,6})\s+(.*)$/.exec(raw) : null;
  if (md) return { text: md[2]!, at: 0, depth: md[1]!.length };
  const html = raw.includes('<') ? /<h([1-6])\b/i.exec(raw) : null;
  if (html) return { text: line.clean, at: 0, depth: Number(html[1]) };
  // Emphasis around a heading ("_Nice to have:_", "*Bonus*") is markup, not text.
  const content = stripEmphasis(line.clean.trim());
  if (content === '' || content.length > 70 || isBullet(raw, line)) {
    return gluedLabel(line, cues);
  }
  // Every test below gives the same heading, so the cheap ones run first and the regex-heavy last.
  const heading: Heading = { text: content, at: 0, depth: 7 };
  const words = countWords(content);
  // An all-bold line, or a bold label ending in ":" on a line of its own.
  if (BOLD_LINE_START.test(raw) && BOLD_LINE_END.test(raw)) return heading;
  if (words <= 8 && isColon(content.charCodeAt(content.length - 1))) return heading;
  if (words <= 8 && isAllCaps(content)) return heading;
  const plain = words <= 6 && !/[.,;!?]/.test(content[content.length - 1]!) && !colonBeforeText(content);
  if (!plain) return gluedLabel(line, cues);
  // A cue or a common section name on a line of its own is a heading, whatever its markup.
  if (hasCue && preferredCue(content, cues)) return heading;
  // Alone after an empty line (a line of tags only, such as <ul>, does not count as empty).
  const before = lines.previous(line);
  if ((before === undefined || text.slice(before.start, before.end).trim() === '') && !isBlank(lines.next(line))) return heading;
  if (cues.section.test(normalizeHeading(content))) return heading;
  return gluedLabel(line, cues);
}

/** `text.split(/\s+/).length` of a trimmed, non-empty text, without the array. */
function countWords(text: string): number {
  let words = 1;
  for (let i = 1; i < text.length; i++) if (isSpace(text.charCodeAt(i)) && !isSpace(text.charCodeAt(i - 1))) words++;
  return words;
}

/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const isColon = (c: number): boolean => c === 58 || c === 0xff1a;

/** `/[:：]\s*\S/` on a trimmed text: a colon before its last character. */
function colonBeforeText(text: string): boolean {
  for (let i = 0; i < text.length - 1; i++) if (isColon(text.charCodeAt(i))) return true;
  return false;
}

/** At least three letters, all capitals ("REQUIREMENTS", "NICE TO HAVE:"). */
function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Scraper damage: "microservice architectureNice to have:" — a cue label glued to the end of a line. */
function gluedLabel(line: Line, cues: LevelCues): Heading | undefined {
  if (!endsWithColon(line.clean)) return undefined; // exact pre-check: the pattern ends in ":"
  // The cue ends the line and starts where words were glued: test those places in its last characters only.
  const text = line.clean;
  let m: { 0: string; index: number } | undefined;
  for (let at = Math.max(1, text.length - GLUED_TAIL); at < text.length && !m; at++) {
    if (!gluedAt(text, at)) continue;
    cues.glued.lastIndex = at;
    const found = cues.glued.exec(text);
    if (found) m = { 0: found[0], index: at };
  }
  if (!m) return undefined;
  return { text: m[0], at: m.index, depth: 7, glued: true };
}

/** "Nice to have: React, Heroku" (possibly after a bullet): the cue and where its value starts. */
/** Characters at the end of a line that a glued label is looked for in: longer than any heading cue. */
const GLUED_TAIL = 80;

/**
 * A glued cue starts where words were run together: at a capital after a letter ("skillsBonus",
 * "AWSPluses") or after something that is not a letter; not inside a word ("surplus:").
 */
function gluedAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (isAsciiLetter(c)) return c < 97 || !isAsciiLetter(text.charCodeAt(at - 1)); // upper case, or a word's start
  if (c < 128) return false;
  const ch = text[at]!;
  return /\p{L}/u.test(ch) && (ch !== ch.toLowerCase() || !/\p{L}/u.test(text[at - 1]!));
}

function labelWithValue(clean: string, hasCue: boolean, cues: LevelCues): { cue?: string; known: boolean; valueAt: number; cueAt: number } | undefined {
  if (!hasEarlyColon(clean)) return undefined; // exact pre-check: a label is at most ~70 characters before its ":"
  const m = /^(\s*(?:[-*+•·◦▪‣–—]\s+|\d{1,2}[.)]\s+)?)([^:：\n]{2,60})[:：]\s*(?=\S)/u.exec(clean);
  if (!m) return undefined;
  const cue = hasCue ? preferredCue(m[2]!, cues) : undefined;
  const known = !cue && m[1] === '' && cues.section.test(normalizeHeading(m[2]!));
  return cue || known ? { cue, known, valueAt: m[0].length, cueAt: m[1]!.length } : undefined;
}

function endsWithColon(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i--;
  return i >= 0 && isColon(line.charCodeAt(i));
}

/** A ":" early enough for labelWithValue's pattern (leading space, a bullet, then 2-60 characters). */
function hasEarlyColon(line: string): boolean {
  const at = line.indexOf(':');
  const wide = line.indexOf('：');
  const first = at < 0 ? wide : wide < 0 ? at : Math.min(at, wide);
  return first >= 2 && first <= 200; // generous: the pattern's prefix (spaces, a bullet) is short in practice
}

/**
 * The end of the list that follows a lead-in line: its bullets (blank lines between them allowed) and
 * their wrapped lines; a paragraph of text, a heading or two blank lines end it.
 */
function listEnd(lines: LineReader, lead: TextLine): number {
  let end = lead.end;
  let blanks = 0;
  for (let next = lines.next(lead); next; next = lines.next(next)) {
    if (isBlank(next)) {
      if (++blanks >= 2) break;
      continue;
    }
    const bullet = isBullet(next.raw, next);
    if (!bullet && !(blanks === 0 && end === lead.end) && !/^[ \t]+\S/.test(next.clean)) break;
    if (!bullet && end !== lead.end && blanks > 0) break;
    blanks = 0;
    end = next.end;
  }
  return end;
}

/** The end of a line's item: following indented lines (a wrapped bullet) belong to it. */
function continuationEnd(lines: LineReader, line: Line): number {
  let last = line;
  for (let next = lines.next(last); next && /^[ \t]+\S/.test(next.clean) && !BULLET.test(next.clean); next = lines.next(last)) last = next;
  return last.end;
}

/** Preferred ranges set by inline cues inside one line. */
/** `checked`: the caller found an inline cue word in the line already (the tokenizer's offsets). */
function inlineCues(line: Line, cues: LevelCues, checked = false): LevelRange[] {
  const ranges: LevelRange[] = [];
  const text = line.clean;
  if (!checked && (!/[a-zà-ÿ]/i.test(text) || !cues.quick.test(text))) return ranges;
  for (const m of text.matchAll(cues.after)) {
    let start = clauseStart(text, m.index);
    // "Docker (preferred)", "Docker, valorable": a cue alone in its clause speaks of the one before.
    if (start > 0 && !/\p{L}/u.test(text.slice(start, m.index)) && JOINS_BACK.test(text[start - 1]!)) start = clauseStart(text, start - 1);
    // "is a bonus: Go, Python/Django, Rails": a cue before a colon reaches forward over the list too.
    if (colonFollows(text, m.index + m[0].length))
      ranges.push({ start: line.start + m.index, end: line.start + text.length, level: 'preferred', cue: m[0].trim(), cueAt: line.start + m.index });
    if (start < m.index)
      ranges.push({ start: line.start + start, end: line.start + m.index + m[0].length, level: 'preferred', cue: m[0].trim(), cueAt: line.start + m.index });
  }
  for (const m of text.matchAll(cues.before)) {
    const end = clauseEnd(text, m.index + m[0].length);
    ranges.push({ start: line.start + m.index, end: line.start + end, level: 'preferred', cue: m[0].trim(), cueAt: line.start + m.index });
  }
  return ranges;
}

const JOINS_BACK = /[,(–—-]/;

/** A ":" after `from`, past spaces. */
function colonFollows(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i < text.length && isColon(text.charCodeAt(i));
}

/** The text without emphasis marks at its edges ("_Nice to have:_" -> "Nice to have:"). */
function stripEmphasis(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isEmphasis(text.charCodeAt(start))) start++;
  while (end > start && isEmphasis(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const isEmphasis = (c: number): boolean => c === 42 || c === 95; // * _

// ; | ! ? end a clause wherever they are.
const isHardStop = (c: number): boolean => c === 59 || c === 124 || c === 33 || c === 63;
const LEAD_WORDS = /^\s*(?:experience|knowledge|familiarity|exposure|understanding|any|some|plus|and|but|while|also|ideally)\b/iu;
/** Whitespace or the end of the text at `i`: a "." or ":" there ends a sentence, not "Node.js". */
const spaceOrEnd = (text: string, i: number): boolean => i >= text.length || isSpace(text.charCodeAt(i));

// The clause walkers compare character codes rather than run a regex per character: they pass over
// every character between a cue and its clause's edge.

/** Start of the clause that ends at `at`: back over brackets that close before it, and over short list items. */
function clauseStart(text: string, at: number): number {
  let depth = 0;
  let segmentEnd = at;
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 41)
      depth++; // )
    else if (c === 40) {
      // (
      if (depth === 0) return i + 1;
      depth--;
    } else if (depth > 0) continue;
    else if (isHardStop(c) || ((c === 46 || c === 58) && spaceOrEnd(text, i + 1)))
      return i + 1; // . :
    else if (c === 44) {
      // ,
      const after = text.slice(i + 1, segmentEnd);
      const before = text.slice(Math.max(0, lastBoundary(text, i)), i);
      // "Docker, Kubernetes, and Terraform is a plus": the last item after "and"/"or" is short too.
      const listItem = countWordsIn(before) <= 2 && (!LEAD_WORDS.test(after) || (OR_AND.test(after) && countWordsIn(after) <= 3));
      // "Knowledge of JSF, Struts 2 is a plus": the clause's head governs the whole list.
      if (!listItem && CLAUSE_HEAD.test(before) && countWordsIn(before) <= 6 && !LEAD_WORDS.test(after)) return lastBoundary(text, i);
      if (!listItem) return i + 1;
      segmentEnd = i;
    }
  }
  return bulletEnd(text);
}

const OR_AND = /^\s*(?:and|or)\b/iu;
const CLAUSE_HEAD =
  /^\s*(?:(?:working|solid|good|strong|some|basic)\s+)?(?:experience|knowledge|familiarity|exposure|understanding|proficiency)\s+(?:of|with|in|using)\s/iu;

/** `text.trim().split(/\s+/).length`: 1 for a text of spaces only. */
function countWordsIn(text: string): number {
  let words = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i)) && (i === 0 || isSpace(text.charCodeAt(i - 1)))) words++;
  return Math.max(1, words);
}

function lastBoundary(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 44 || isHardStop(c) || c === 40 || c === 58 || (c === 46 && spaceOrEnd(text, i + 1))) return i + 1; // , ( : .
  }
  return bulletEnd(text);
}

function bulletEnd(text: string): number {
  const m = BULLET.exec(text);
  return m ? m[0].length : 0;
}

/**
 * End of the clause that starts at `from` (a bracket group that opens inside it is kept whole). A
 * comma ends it unless a short list item follows ("preferably AWS, Azure, or GCP").
 */
function clauseEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) {
      if (depth === 0) return i;
      depth--;
    } else if (depth > 0) continue;
    else if (c === 44 && listItemFollows(text, i + 1)) continue;
    else if (isHardStop(c) || c === 44 || (c === 46 && spaceOrEnd(text, i + 1))) return i; // a "." ends it before a space, not in "Node.js"
  }
  return text.length;
}

/** After a comma: a list item of at most three words ("or GCP", "Azure"), then a comma or the clause's end. */
function listItemFollows(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && i - from < 60) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 41 || isHardStop(c) || ((c === 46 || c === 58) && spaceOrEnd(text, i + 1)) || c === 10 || c === 13) break;
    i++;
  }
  const item = text.slice(from, i);
  return i - from < 60 && countWordsIn(item) <= 3 && !LEAD_WORDS.test(item.replace(OR_AND, ''));
}
