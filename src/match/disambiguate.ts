import type { CompiledRule, CompiledTaxonomy, UnlessPhrase } from '../taxonomy/compile.js';
import { normalizeToken } from '../text/chars.js';
import type { TokenBuffer } from '../text/tokenize.js';

/** An alias occurrence before disambiguation: tokens first..last (inclusive). */
export interface Candidate {
  skill: number;
  rule: number;
  first: number;
  last: number;
}

const enum State {
  Pending,
  Accepted,
  Rejected,
}

/**
 * Decides which candidates are real mentions. Plain aliases always are. An ambiguous alias must pass
 * its case rule and `unless` vetoes, then (with `needs: context`) have a cue word just before or
 * after it, or another confirmed skill within `context.window` tokens in the same paragraph. Context
 * spreads: "Go, Rust and Python" confirms Rust from Python, then Go from Rust.
 */
export function resolveAmbiguous(text: string, tokens: TokenBuffer, candidates: Candidate[], taxonomy: CompiledTaxonomy): boolean[] {
  const state: State[] = candidates.map((c) => (c.rule < 0 ? State.Accepted : State.Pending));
  let pending = 0;
  candidates.forEach((c, i) => {
    if (state[i] !== State.Pending) return;
    const rule = taxonomy.rules[c.rule]!;
    if (!passesCase(text, tokens, c, rule) || isVetoed(text, tokens.start[c.first]!, rule.unless)) state[i] = State.Rejected;
    else if (rule.needs === 'none' || hasCue(text, tokens, c, rule, taxonomy)) state[i] = State.Accepted;
    else pending++;
  });
  for (let changed = pending > 0; changed; ) {
    changed = false;
    candidates.forEach((c, i) => {
      if (state[i] === State.Pending && hasConfirmedNeighbour(text, tokens, candidates, state, i, taxonomy.context.window)) {
        state[i] = State.Accepted;
        changed = true;
      }
    });
  }
  return state.map((s) => s === State.Accepted);
}

function passesCase(text: string, tokens: TokenBuffer, c: Candidate, rule: CompiledRule): boolean {
  if (rule.case !== 'exact') return true;
  const written = text.slice(tokens.start[c.first]!, tokens.end[c.last]!).replace(/\s+/g, ' ');
  return written === rule.alias;
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

function hasCue(text: string, tokens: TokenBuffer, c: Candidate, rule: CompiledRule, taxonomy: CompiledTaxonomy): boolean {
  for (const cue of [...rule.before, ...taxonomy.context.before]) {
    if (wordsAt(text, tokens, c.first - cue.length, cue, c.first)) return true;
  }
  for (const cue of [...rule.after, ...taxonomy.context.after]) {
    if (wordsAt(text, tokens, c.last + 1, cue, c.last)) return true;
  }
  return false;
}

/** Do tokens from `at` on read `words`, on the same line as token `anchor`? */
function wordsAt(text: string, tokens: TokenBuffer, at: number, words: string[], anchor: number): boolean {
  if (at < 0 || at + words.length > tokens.count) return false;
  for (let k = 0; k < words.length; k++) {
    const t = at + k;
    if (normalizeToken(text.slice(tokens.start[t]!, tokens.end[t]!)) !== words[k]) return false;
  }
  const from = Math.min(tokens.end[anchor]!, tokens.end[at + words.length - 1]!);
  const to = Math.max(tokens.start[anchor]!, tokens.start[at]!);
  return !hasLineBreak(text, from, to);
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
