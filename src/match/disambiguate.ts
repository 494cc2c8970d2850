import type { CompiledRule, CompiledTaxonomy, UnlessPhrase } from '../model/compiled.js';
import { Lexicon } from './lexicon.js';
import type { TokenBuffer } from './tokenize.js';

/** An alias occurrence before disambiguation: tokens first..last (inclusive). */
export interface Candidate {
  skill: number;
  rule: number;
  first: number;
  last: number;
}

// biome-ignore lint/suspicious/noConstEnum: module-private, inlined by esbuild on the disambiguation hot path
const enum State {
  Pending,
  Accepted,
  Rejected,
}

const UNSEEN = -2; // cue id of a token not looked up yet in this document

/**
 * Decides which candidates are real mentions. Plain aliases always are. An ambiguous alias must pass
 * its case rule and `unless` vetoes, then (with `needs: context`) have a cue word just before or
 * after it, or another confirmed skill within `context.window` tokens in the same paragraph. Context
 * spreads: "Go, Rust and Python" confirms Rust from Python, then Go from Rust.
 *
 * Cues are compiled once into word ids of their own small lexicon, and a token's cue id is looked up
 * at most once per document, so checking ~130 cues around a candidate compares integers.
 */
export class Disambiguator {
  private readonly cueLexicon: Lexicon;
  /** Per rule: its own cue phrases, as cue word ids (the taxonomy's shared ones follow in contextBefore/After). */
  private readonly before: Int32Array[][];
  private readonly after: Int32Array[][];
  private readonly contextBefore: Int32Array[];
  private readonly contextAfter: Int32Array[];
  /** Per rule: the alias has no whitespace, so `case: exact` compares the text in place. */
  private readonly plainAlias: boolean[];
  private cueIds = new Int32Array(0);
  private state: State[] = [];

  constructor(private readonly taxonomy: CompiledTaxonomy) {
    const ids = new Map<string, number>();
    const compile = (cue: string[]): Int32Array => Int32Array.from(cue, (w) => ids.get(w) ?? ids.set(w, ids.size).get(w)!);
    // Shared context cues are kept once, not copied into every rule: the copy was a cost of every start.
    this.contextBefore = taxonomy.context.before.map(compile);
    this.contextAfter = taxonomy.context.after.map(compile);
    this.before = taxonomy.rules.map((r) => r.before.map(compile));
    this.after = taxonomy.rules.map((r) => r.after.map(compile));
    this.cueLexicon = new Lexicon([...ids.keys()]);
    this.plainAlias = taxonomy.rules.map((r) => !/\s/.test(r.alias));
  }

  /** Which candidates are accepted, by index. */
  resolve(text: string, tokens: TokenBuffer, candidates: Candidate[]): boolean[] {
    const { rules } = this.taxonomy;
    const state = this.state;
    state.length = candidates.length;
    let pending = 0;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      state[i] = c.rule < 0 ? State.Accepted : State.Pending;
      if (c.rule >= 0) pending++;
    }
    if (pending === 0) return state.map(() => true);
    if (this.cueIds.length < tokens.count) this.cueIds = new Int32Array(tokens.start.length);
    this.cueIds.fill(UNSEEN, 0, tokens.count);
    pending = 0;
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (state[i] !== State.Pending) continue;
      const rule = rules[c.rule]!;
      if (!this.passesCase(text, tokens, c, rule) || isVetoed(text, tokens.start[c.first]!, rule.unless)) state[i] = State.Rejected;
      else if (rule.needs === 'none' || this.hasCue(text, tokens, c)) state[i] = State.Accepted;
      else pending++;
    }
    for (let changed = pending > 0; changed; ) {
      changed = false;
      for (let i = 0; i < candidates.length; i++) {
        if (state[i] === State.Pending && hasConfirmedNeighbour(text, tokens, candidates, state, i, this.taxonomy.context.window)) {
          state[i] = State.Accepted;
          changed = true;
        }
      }
    }
    return state.map((s) => s === State.Accepted);
  }

  private passesCase(text: string, tokens: TokenBuffer, c: Candidate, rule: CompiledRule): boolean {
    if (rule.case !== 'exact') return true;
    const start = tokens.start[c.first]!;
    const end = tokens.end[c.last]!;
    // Folding whitespace cannot make text equal to an alias without any, so compare in place.
    if (this.plainAlias[c.rule]) return end - start === rule.alias.length && text.startsWith(rule.alias, start);
    return text.slice(start, end).replace(/\s+/g, ' ') === rule.alias;
  }

  /** A cue phrase ends right before the candidate or starts right after it, on the same line. */
  private hasCue(text: string, tokens: TokenBuffer, c: Candidate): boolean {
    const { start, end } = tokens;
    if (c.first > 0 && this.cueId(text, tokens, c.first - 1) >= 0 && !hasLineBreak(text, end[c.first - 1]!, start[c.first]!)) {
      for (const cue of this.before[c.rule]!) if (this.cueAt(text, tokens, c.first - cue.length, cue)) return true;
      for (const cue of this.contextBefore) if (this.cueAt(text, tokens, c.first - cue.length, cue)) return true;
    }
    if (c.last + 1 < tokens.count && this.cueId(text, tokens, c.last + 1) >= 0 && !hasLineBreak(text, end[c.last]!, start[c.last + 1]!)) {
      for (const cue of this.after[c.rule]!) if (this.cueAt(text, tokens, c.last + 1, cue)) return true;
      for (const cue of this.contextAfter) if (this.cueAt(text, tokens, c.last + 1, cue)) return true;
    }
    return false;
  }

  /** Do tokens from `at` on read the cue's words? */
  private cueAt(text: string, tokens: TokenBuffer, at: number, cue: Int32Array): boolean {
    if (at < 0 || at + cue.length > tokens.count) return false;
    for (let k = 0; k < cue.length; k++) if (this.cueId(text, tokens, at + k) !== cue[k]) return false;
    return true;
  }

  private cueId(text: string, tokens: TokenBuffer, t: number): number {
    let id = this.cueIds[t]!;
    if (id === UNSEEN) this.cueIds[t] = id = this.cueLexicon.lookupRange(text, tokens.start[t]!, tokens.end[t]!);
    return id;
  }
}

/**
 * True when the text around `start` reads as one of the phrases (the alias aligned inside it), as
 * whole words: "bootstrap a" does not veto "Bootstrap and"; a prefix phrase ("spring 20*") may end
 * inside a word.
 */
export function isVetoed(text: string, start: number, unless: readonly UnlessPhrase[]): boolean {
  for (const { phrase, offset, prefix } of unless) {
    const from = start - offset;
    const to = from + phrase.length;
    if (from < 0 || to > text.length) continue;
    let k = 0;
    for (; k < phrase.length; k++) {
      const p = phrase.charCodeAt(k);
      const t = text.charCodeAt(from + k);
      if (p === 32 ? !isSpace(t) : lower(t) !== p) break;
    }
    if (k < phrase.length) continue;
    if (isWordChar(phrase.charCodeAt(0)) && from > 0 && isWordChar(text.charCodeAt(from - 1))) continue;
    if (!prefix && isWordChar(phrase.charCodeAt(phrase.length - 1)) && to < text.length && isWordChar(text.charCodeAt(to))) continue;
    return true;
  }
  return false;
}

function isWordChar(c: number): boolean {
  return c < 128 ? (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

function hasConfirmedNeighbour(text: string, tokens: TokenBuffer, candidates: Candidate[], state: State[], i: number, window: number): boolean {
  const c = candidates[i]!;
  for (let m = i - 1; m >= 0 && c.first - candidates[m]!.last <= window; m--) {
    const n = candidates[m]!;
    if (state[m] === State.Accepted && n.skill !== c.skill && !hasBlankLine(text, tokens.end[n.last]!, tokens.start[c.first]!)) return true;
  }
  for (let m = i + 1; m < candidates.length && candidates[m]!.first - c.last <= window; m++) {
    const n = candidates[m]!;
    if (state[m] === State.Accepted && n.skill !== c.skill && !hasBlankLine(text, tokens.end[c.last]!, tokens.start[n.first]!)) return true;
  }
  return false;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return true;
  }
  return false;
}

/** A paragraph break: a line holding nothing but spaces between `from` and `to`. */
export function hasBlankLine(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) {
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (++breaks === 2) return true;
    } else if (ch !== 32 && ch !== 9) breaks = 0;
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c < 128 ? c : String.fromCharCode(c).toLowerCase().charCodeAt(0);
}
