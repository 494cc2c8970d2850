import type { CompiledTaxonomy } from '../model/compiled.js';
import { Lexicon, WORD_IS_CUE, WORD_STARTS_ALIAS } from './lexicon.js';
import { TokenBuffer, UNRESOLVED, collectCues, tokenize } from './tokenize.js';
import { Disambiguator, type Candidate } from './disambiguate.js';
import { buildMatchIndex, decodeMatchIndex, encodeMatchIndex, lexiconWords, type MatchIndex } from './matchIndex.js';

const NO_CUES: readonly string[] = [];

/** A skill found in a text: the skill's index in the compiled taxonomy and the matched offsets. */
export interface Finding {
  skill: number;
  start: number;
  end: number;
}

/**
 * Finds every alias in a text: tokens are resolved to lexicon words, then a trie over word sequences
 * finds the longest alias starting at each token (Spring Boot over Spring, SQL Server over SQL).
 * Ambiguous aliases are kept only when their rule holds (see disambiguate.ts).
 */
export class Matcher {
  readonly lexicon: Lexicon;
  private readonly index: MatchIndex;
  private readonly disambiguator: Disambiguator;
  private readonly tokens = new TokenBuffer();

  private readonly vocabularySize: number;

  /**
   * `cues`: words whose offsets `match` reports (normalised tokens, see match(); the same array for
   * one taxonomy, it keys a cache). `savedIndex`: the lookup tables the build saved with the shipped
   * taxonomy (CompiledTaxonomyFile); other taxonomies (user ones) build them here.
   */
  constructor(
    readonly taxonomy: CompiledTaxonomy,
    options: { cues?: readonly string[]; savedIndex?: string | undefined } = {},
  ) {
    const { words, flags: wordFlags } = lexiconWords(taxonomy, options.cues ?? NO_CUES);
    this.vocabularySize = words.length;
    this.index = (options.savedIndex !== undefined && decodeMatchIndex(options.savedIndex, words.length)) || buildMatchIndex(taxonomy, options.cues ?? NO_CUES);
    const flags = wordFlags.slice(); // the cached flags stay as the taxonomy gives them
    for (let w = 0; w < words.length; w++) if (this.index.firstNode[w] !== 0) flags[w]! |= WORD_STARTS_ALIAS;
    this.lexicon = new Lexicon(words, flags, this.index.lexicon);
    // Only words that start an alias, or cue words, are looked up as the text is read; see Lexicon.
    const eager: number[] = [];
    for (let w = 0; w < words.length; w++) if ((flags[w]! & (WORD_STARTS_ALIAS | WORD_IS_CUE)) !== 0) eager.push(w);
    this.lexicon.setEagerWords(eager);
    this.disambiguator = new Disambiguator(taxonomy);
  }

  /** The index as the string `CompiledTaxonomyFile.matchIndex` holds (the build saves it with the shipped taxonomy). */
  exportIndex(): string {
    return encodeMatchIndex(this.index, this.vocabularySize);
  }

  /**
   * Every confirmed skill mention in `text`, in text order. With `cues`, the offsets of the cue words
   * the matcher was made with are added to it (the tokenizer notes them as it reads).
   */
  match(text: string, cues?: number[]): Finding[] {
    const tokens = this.tokens;
    tokenize(text, this.lexicon, tokens);
    if (cues) collectCues(tokens, cues);
    const candidates = this.findCandidates(text, tokens);
    if (candidates.length === 0) return [];
    const accepted = this.disambiguator.resolve(text, tokens, candidates);
    const findings: Finding[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i]!;
      if (accepted[i]) findings.push({ skill: c.skill, start: tokens.start[c.first]!, end: tokens.end[c.last]! });
    }
    return findings;
  }

  private findCandidates(text: string, tokens: TokenBuffer): Candidate[] {
    const { count } = tokens;
    const { patterns, skills } = this.taxonomy;
    const candidates: Candidate[] = [];
    // Only tokens whose word begins an alias (a small share of all), as the tokenizer listed them;
    // one inside an alias found already is passed over, as a walk token by token would.
    const { aliasStarts, aliasStartCount } = tokens;
    let next = 0; // the first token not inside an alias found
    for (let k = 0; k < aliasStartCount; k++) {
      const t = aliasStarts[k]!;
      if (t < next) continue;
      const best = this.longestAt(text, tokens, t, count);
      if (best < 0) continue;
      const pattern = patterns[best]!;
      const end = t + patterns[best]!.words.length;
      candidates.push({ skill: pattern.skill, rule: pattern.rule, first: t, last: end - 1 });
      if (skills[pattern.skill]!.nested) this.findNested(text, tokens, t + 1, end, pattern.skill, candidates);
      next = end;
    }
    return candidates;
  }

  /**
   * Other skills inside a phrase of a `nested` skill ("design REST APIs" names REST too), longest
   * first, kept within the phrase. Pushed after the phrase itself, so candidates stay in order.
   */
  private findNested(text: string, tokens: TokenBuffer, from: number, to: number, outer: number, candidates: Candidate[]): void {
    const patterns = this.taxonomy.patterns;
    for (let u = from; u < to; ) {
      const inner = this.longestAt(text, tokens, u, to);
      if (inner < 0 || patterns[inner]!.skill === outer) {
        u++;
        continue;
      }
      const end = u + patterns[inner]!.words.length;
      candidates.push({ skill: patterns[inner]!.skill, rule: patterns[inner]!.rule, first: u, last: end - 1 });
      u = end;
    }
  }

  /** The longest alias (pattern index) that starts at token `t` and ends before token `limit`, or -1. */
  private longestAt(text: string, tokens: TokenBuffer, t: number, limit: number): number {
    const { word, start, end } = tokens;
    const { firstNode, terminal, edgeStart, edgeWord, edgeNext } = this.index;
    const w = word[t]!;
    const first = w < 0 ? 0 : firstNode[w]!;
    if (first === 0) return -1;
    let node = first;
    let best = terminal[node]!;
    for (let j = t + 1; j < limit; j++) {
      let lo = edgeStart[node]!;
      let hi = edgeStart[node + 1]!;
      if (lo === hi) break; // no longer alias goes through this node
      const wj = word[j] === UNRESOLVED ? tokens.wordAt(j, this.lexicon) : word[j]!;
      if (wj < 0 || !isPhraseGap(text, end[j - 1]!, start[j]!)) break;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (edgeWord[mid]! < wj) lo = mid + 1;
        else hi = mid;
      }
      if (lo === edgeStart[node + 1] || edgeWord[lo] !== wj) break;
      node = edgeNext[lo]!;
      if (terminal[node]! >= 0) best = terminal[node]!;
    }
    return best;
  }
}

/**
 * Words of one alias may be apart by spaces, a hyphen, "&" or a slash, on the same line: "Ruby on
 * Rails", "CI / CD", "CI\\CD" (an alias written "CI CD").
 */
function isPhraseGap(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 45 && c !== 38 && c !== 47 && c !== 92) return false;
  }
  return true;
}
