/**
 * A plain reference for the tuned hot path (src/match/: tokenize.ts, lexicon.ts, matcher.ts): the same
 * rules written the obvious way — strings instead of offsets and hashes, a Map for the vocabulary,
 * nested Maps for the trie, every token normalised before it is compared. Slow and simple on
 * purpose; tests/differential.test.ts checks that the tuned code finds exactly what this finds.
 */
import type { CompiledTaxonomy } from '../../src/model/compiled.js';
import {
  ASCII_CLASS,
  DIGIT,
  DOT,
  INNER,
  LOWERCASE,
  START,
  TRIM,
  UPPER,
  isAsciiLetter,
  isNonAsciiSeparator,
  isTokenChar,
  normalizeToken,
} from '../../src/match/chars.js';

export interface RefToken {
  start: number;
  end: number;
  word: number;
}

export class RefLexicon {
  private readonly ids = new Map<string, number>();
  constructor(
    readonly words: readonly string[],
    private readonly skillWord: (w: number) => boolean = () => false,
  ) {
    for (const [i, w] of words.entries()) if (!this.ids.has(w)) this.ids.set(w, i);
  }
  lookup(token: string): number {
    return this.ids.get(normalizeToken(token)) ?? -1;
  }
  isSkillWord(w: number): boolean {
    return w >= 0 && this.skillWord(w);
  }
}

const isStart = (c: number) => (c < 128 ? (ASCII_CLASS[c]! & START) !== 0 : !isNonAsciiSeparator(c));
const isInner = (c: number) => (c < 128 ? (ASCII_CLASS[c]! & INNER) !== 0 : !isNonAsciiSeparator(c));
const isTrim = (c: number) => c < 128 && (ASCII_CLASS[c]! & TRIM) !== 0;
const startsDot = (text: string, i: number) =>
  text.charCodeAt(i) === DOT && i + 1 < text.length && isAsciiLetter(text.charCodeAt(i + 1)) && (i === 0 || !isTokenChar(text.charCodeAt(i - 1)));

export function refTokenize(text: string, lexicon: RefLexicon): RefToken[] {
  const out: RefToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const begins = c < 128 ? (ASCII_CLASS[c]! & START) !== 0 || startsDot(text, i) : !isNonAsciiSeparator(c);
    if (!begins) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isInner(text.charCodeAt(i))) i++;
    let end = i;
    while (end > start && isTrim(text.charCodeAt(end - 1))) end--;
    if (end > start) resolve(text, start, end, lexicon, out, i);
  }
  return out;
}

/** `rawEnd`: for a whole token, where its run ended before trailing . - / were trimmed; undefined for a part. */
function resolve(text: string, start: number, end: number, lexicon: RefLexicon, out: RefToken[], rawEnd?: number): void {
  const token = text.slice(start, end);
  const word = lexicon.lookup(token);
  if (word >= 0) return void out.push({ start, end, word });
  // A slash or hyphen anywhere in the run, even trimmed, sends the token down the split path.
  const plain = !/[/-]/.test(text.slice(start, rawEnd ?? end)) && !/[0-9]$|.[0-9]\+$|.[A-Z]|[^\x00-\x7f]/s.test(token);
  // A whole plain token is tried as a glued conjunction only when it looks like one; a part always is.
  if (rawEnd !== undefined && plain && !(token.length >= 5 && /(and|or)$/i.test(token))) return void out.push({ start, end, word: -1 });
  if (token.includes('/') && splitAt(text, start, end, '/', lexicon, out)) return;
  if (token.includes('-') && splitAt(text, start, end, '-', lexicon, out)) return;
  if (/[0-9]$/.test(token) && stripVersion(text, start, end, lexicon, out)) return;
  if (/.[0-9]\++$/s.test(token)) {
    const cut = start + token.replace(/\++$/, '').length;
    const word = lexicon.lookup(text.slice(start, cut));
    if (word >= 0) return void out.push({ start, end: cut, word });
    if (stripVersion(text, start, cut, lexicon, out)) return;
  }
  if (/.[A-Z]/s.test(token) && splitGlued(text, start, end, lexicon, out)) return;
  for (const glue of ['and', 'or']) {
    const cut = end - glue.length;
    if (cut - start < 2 || text.slice(cut, end).toLowerCase() !== glue) continue;
    const skill = lexicon.lookup(text.slice(start, cut));
    if (!lexicon.isSkillWord(skill)) continue;
    out.push({ start, end: cut, word: skill }, { start: cut, end, word: lexicon.lookup(glue) });
    return;
  }
  out.push({ start, end, word: -1 });
}

function splitAt(text: string, start: number, end: number, sep: string, lexicon: RefLexicon, out: RefToken[]): boolean {
  let partStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text[i] !== sep) continue;
    let s = partStart;
    let e = i;
    while (s < e && !(isStart(text.charCodeAt(s)) || (text.charCodeAt(s) === DOT && isAsciiLetter(text.charCodeAt(s + 1))))) s++;
    while (e > s && isTrim(text.charCodeAt(e - 1))) e--;
    if (s < e) resolve(text, s, e, lexicon, out);
    partStart = i + 1;
  }
  return true;
}

function stripVersion(text: string, start: number, end: number, lexicon: RefLexicon, out: RefToken[]): boolean {
  const m = /^(.*?)[0-9.]+$/s.exec(text.slice(start, end));
  const name = m?.[1] ?? '';
  if (name.length < 2 || !/[A-Za-z+#]$/.test(name)) return false;
  const word = lexicon.lookup(name);
  if (word < 0) return false;
  out.push({ start, end: start + name.length, word });
  return true;
}

function splitGlued(text: string, start: number, end: number, lexicon: RefLexicon, out: RefToken[]): boolean {
  const cls = (i: number) => (i < end && text.charCodeAt(i) < 128 ? ASCII_CLASS[text.charCodeAt(i)]! : 0);
  const bounds = [start];
  for (let i = start + 1; i < end; i++) {
    if (!(cls(i) & UPPER)) continue;
    if (cls(i - 1) & (LOWERCASE | DIGIT) || (cls(i - 1) & UPPER && cls(i + 1) & LOWERCASE)) bounds.push(i);
  }
  if (bounds.length === 1) return false;
  bounds.push(end);
  const parts: RefToken[] = [];
  for (let a = 0; a < bounds.length - 1; ) {
    let z = bounds.length - 1;
    while (z > a && lexicon.lookup(text.slice(bounds[a], bounds[z])) < 0) z--;
    if (z > a) {
      parts.push({ start: bounds[a]!, end: bounds[z]!, word: lexicon.lookup(text.slice(bounds[a], bounds[z])) });
      a = z;
    } else {
      parts.push({ start: bounds[a]!, end: bounds[a + 1]!, word: -1 });
      a++;
    }
  }
  if (!parts.some((p) => lexicon.isSkillWord(p.word))) return false;
  out.push(...parts);
  return true;
}

interface RefCandidate {
  skill: number;
  rule: number;
  first: number;
  last: number;
}

/** The matcher: longest alias at each token over a trie of word strings, then the ambiguity rules. */
export class RefMatcher {
  readonly lexicon: RefLexicon;
  private readonly trie = new Map<string, { next: Map<string, unknown>; pattern: number }>();

  constructor(readonly taxonomy: CompiledTaxonomy) {
    this.lexicon = new RefLexicon(taxonomy.words, (w) => ((taxonomy.wordFlags[w] ?? 0) & 1) !== 0);
    taxonomy.patterns.forEach((p, index) => {
      let level = this.trie as Map<string, { next: Map<string, unknown>; pattern: number }>;
      p.words.forEach((w, k) => {
        const key = taxonomy.words[w]!;
        let node = level.get(key);
        if (!node) level.set(key, (node = { next: new Map(), pattern: -1 }));
        if (k === p.words.length - 1) node.pattern = index;
        level = node.next as typeof level;
      });
    });
  }

  match(text: string): { skill: number; start: number; end: number }[] {
    const tokens = refTokenize(text, this.lexicon);
    const candidates: RefCandidate[] = [];
    const longest = (t: number, limit: number): [number, number] => {
      let level = this.trie;
      let best = -1;
      let bestEnd = t;
      for (let j = t; j < limit; j++) {
        if (tokens[j]!.word < 0) break;
        if (j > t && !/^[ \t\u00a0&\-/\\]{0,3}$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
        const node = level.get(this.taxonomy.words[tokens[j]!.word]!);
        if (!node) break;
        if (node.pattern >= 0) [best, bestEnd] = [node.pattern, j + 1];
        level = node.next as typeof level;
      }
      return [best, bestEnd];
    };
    for (let t = 0; t < tokens.length; ) {
      const [best, bestEnd] = longest(t, tokens.length);
      if (best < 0) {
        t++;
        continue;
      }
      const p = this.taxonomy.patterns[best]!;
      candidates.push({ skill: p.skill, rule: p.rule, first: t, last: bestEnd - 1 });
      // A nested skill's phrase also yields the other skills inside it (longest first).
      for (let u = t + 1; this.taxonomy.skills[p.skill]!.nested && u < bestEnd; ) {
        const [inner, innerEnd] = longest(u, bestEnd);
        if (inner < 0 || this.taxonomy.patterns[inner]!.skill === p.skill) {
          u++;
          continue;
        }
        candidates.push({ skill: this.taxonomy.patterns[inner]!.skill, rule: this.taxonomy.patterns[inner]!.rule, first: u, last: innerEnd - 1 });
        u = innerEnd;
      }
      t = bestEnd;
    }
    const accepted = this.resolve(text, tokens, candidates);
    return candidates.filter((_, i) => accepted[i]).map((c) => ({ skill: c.skill, start: tokens[c.first]!.start, end: tokens[c.last]!.end }));
  }

  private resolve(text: string, tokens: RefToken[], candidates: RefCandidate[]): boolean[] {
    const { rules, context } = this.taxonomy;
    const state = candidates.map((c) => (c.rule < 0 ? 'yes' : 'pending'));
    const word = (t: number) => normalizeToken(text.slice(tokens[t]!.start, tokens[t]!.end));
    const sameLine = (a: number, b: number) => !/[\r\n]/.test(text.slice(a, b));
    const blankLine = (a: number, b: number) => /(\r\n|\r(?!\n)|\n)[ \t]*(\r\n|\r|\n)/.test(text.slice(a, b));
    candidates.forEach((c, i) => {
      if (state[i] !== 'pending') return;
      const rule = rules[c.rule]!;
      const written = text.slice(tokens[c.first]!.start, tokens[c.last]!.end).replace(/\s+/g, ' ');
      const at = tokens[c.first]!.start;
      const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
      const vetoed = rule.unless.some(({ phrase, offset, prefix }) => {
        const from = at - offset;
        const to = from + phrase.length;
        const seen = text.slice(from, to);
        if (from < 0 || seen.length !== phrase.length) return false;
        if (!phrase.split('').every((p, k) => (p === ' ' ? /[ \t\n\r\u00a0]/.test(seen[k]!) : seen[k]!.toLowerCase()[0] === p))) return false;
        // Whole words only: the phrase may not start or (unless it is a prefix) end inside a word.
        if (isWord(phrase[0]) && isWord(text[from - 1])) return false;
        return prefix || !isWord(phrase[phrase.length - 1]) || !isWord(text[to]);
      });
      if ((rule.case === 'exact' && written !== rule.alias) || vetoed) {
        state[i] = 'no';
        return;
      }
      const before = [...rule.before, ...context.before].some((cue) => {
        const from = c.first - cue.length;
        return from >= 0 && cue.every((w, k) => word(from + k) === w) && sameLine(tokens[c.first - 1]!.end, tokens[c.first]!.start);
      });
      const after = [...rule.after, ...context.after].some((cue) => {
        const from = c.last + 1;
        return from + cue.length <= tokens.length && cue.every((w, k) => word(from + k) === w) && sameLine(tokens[c.last]!.end, tokens[from]!.start);
      });
      if (rule.needs === 'none' || before || after) state[i] = 'yes';
    });
    const window = context.window;
    for (let changed = true; changed; ) {
      changed = false;
      candidates.forEach((c, i) => {
        if (state[i] !== 'pending') return;
        const near = candidates.some((n, m) => {
          if (m === i || state[m] !== 'yes' || n.skill === c.skill) return false;
          if (m < i)
            return (
              c.first - n.last <= window &&
              candidates.slice(m + 1, i).every((b) => c.first - b.last <= window) &&
              !blankLine(tokens[n.last]!.end, tokens[c.first]!.start)
            );
          return (
            n.first - c.last <= window &&
            candidates.slice(i + 1, m).every((b) => b.first - c.last <= window) &&
            !blankLine(tokens[c.last]!.end, tokens[n.first]!.start)
          );
        });
        if (near) {
          state[i] = 'yes';
          changed = true;
        }
      });
    }
    return state.map((s) => s === 'yes');
  }
}
