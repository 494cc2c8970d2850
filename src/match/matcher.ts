import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import { Lexicon } from '../text/lexicon.js';
import { TokenBuffer, tokenize } from '../text/tokenize.js';
import { resolveAmbiguous, type Candidate } from './disambiguate.js';

/** A skill found in a text: the skill's index in the compiled taxonomy and the matched offsets. */
export interface Finding {
  skill: number;
  start: number;
  end: number;
}

const WORD_SPACE = 1 << 21; // edge key = node * WORD_SPACE + word

/**
 * Finds every alias in a text: tokens are resolved to lexicon words, then a trie over word sequences
 * finds the longest alias starting at each token (Spring Boot over Spring, SQL Server over SQL).
 * Ambiguous aliases are kept only when their rule holds (see disambiguate.ts).
 */
export class Matcher {
  readonly lexicon: Lexicon;
  private readonly firstNode: Int32Array; // word -> trie node after that word (0: starts no alias)
  private readonly edges = new Map<number, number>();
  private readonly hasEdges: Uint8Array;
  private readonly terminal: Int32Array; // node -> pattern index, -1 if no alias ends here
  private readonly tokens = new TokenBuffer();

  constructor(readonly taxonomy: CompiledTaxonomy) {
    this.lexicon = new Lexicon(taxonomy.words, Uint8Array.from(taxonomy.wordFlags));
    this.firstNode = new Int32Array(taxonomy.words.length);
    const terminal: number[] = [-1];
    const hasEdges: number[] = [0];
    const newNode = (): number => {
      terminal.push(-1);
      hasEdges.push(0);
      return terminal.length - 1;
    };
    taxonomy.patterns.forEach((pattern, p) => {
      const [first, ...rest] = pattern.words;
      if (first === undefined) return;
      let node = this.firstNode[first] || (this.firstNode[first] = newNode());
      for (const w of rest) {
        const key = node * WORD_SPACE + w;
        let next = this.edges.get(key);
        if (next === undefined) {
          next = newNode();
          this.edges.set(key, next);
          hasEdges[node] = 1;
        }
        node = next;
      }
      terminal[node] = p;
    });
    this.terminal = Int32Array.from(terminal);
    this.hasEdges = Uint8Array.from(hasEdges);
  }

  /** Every confirmed skill mention in `text`, in text order. */
  match(text: string): Finding[] {
    const tokens = this.tokens;
    tokenize(text, this.lexicon, tokens);
    const candidates = this.findCandidates(text, tokens);
    if (candidates.length === 0) return [];
    const accepted = resolveAmbiguous(text, tokens, candidates, this.taxonomy);
    const findings: Finding[] = [];
    candidates.forEach((c, i) => {
      if (accepted[i]) findings.push({ skill: c.skill, start: tokens.start[c.first]!, end: tokens.end[c.last]! });
    });
    return findings;
  }

  private findCandidates(text: string, tokens: TokenBuffer): Candidate[] {
    const { word, start, end, count } = tokens;
    const { firstNode, terminal, hasEdges, edges } = this;
    const patterns = this.taxonomy.patterns;
    const candidates: Candidate[] = [];
    for (let t = 0; t < count; ) {
      const w = word[t]!;
      const first = w < 0 ? 0 : firstNode[w]!;
      if (first === 0) {
        t++;
        continue;
      }
      let node = first;
      let best = terminal[node]!;
      let bestEnd = t + 1;
      for (let j = t + 1; j < count && hasEdges[node] === 1; j++) {
        const wj = word[j]!;
        if (wj < 0 || !isPhraseGap(text, end[j - 1]!, start[j]!)) break;
        const next = edges.get(node * WORD_SPACE + wj);
        if (next === undefined) break;
        node = next;
        if (terminal[node]! >= 0) {
          best = terminal[node]!;
          bestEnd = j + 1;
        }
      }
      if (best < 0) {
        t++;
        continue;
      }
      const pattern = patterns[best]!;
      candidates.push({ skill: pattern.skill, rule: pattern.rule, first: t, last: bestEnd - 1 });
      t = bestEnd;
    }
    return candidates;
  }
}

/** Words of one alias may be apart by spaces, a hyphen or "&", on the same line: "Ruby on Rails". */
function isPhraseGap(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 45 && c !== 38) return false;
  }
  return true;
}
