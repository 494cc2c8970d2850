import type { CompiledTaxonomy } from '../model/compiled.js';
import { Lexicon, WORD_IS_CUE, type LexiconTables } from './lexicon.js';

interface LexiconWords {
  /** The cue words it was made with (a cache key). */
  cues: readonly string[];
  words: string[];
  flags: Uint8Array;
}

const lexicons = new WeakMap<CompiledTaxonomy, LexiconWords>();

/**
 * The matcher's vocabulary: the taxonomy's words (ids as in its patterns), then the cue words it
 * lacks, flagged so the tokenizer notes where they occur. The cue words are the caller's (the
 * pipeline hands in those of the requirement-level analysis): the matcher knows no analysis.
 */
export function lexiconWords(taxonomy: CompiledTaxonomy, cues: readonly string[]): { words: string[]; flags: Uint8Array } {
  let lexicon = lexicons.get(taxonomy);
  if (lexicon?.cues === cues) return lexicon;
  const ids = new Map(taxonomy.words.map((w, i) => [w, i]));
  const words = [...taxonomy.words];
  for (const cue of cues) if (!ids.has(cue)) ids.set(cue, words.push(cue) - 1);
  const flags = new Uint8Array(words.length);
  flags.set(taxonomy.wordFlags);
  for (const cue of cues) flags[ids.get(cue)!]! |= WORD_IS_CUE;
  lexicons.set(taxonomy, (lexicon = { cues, words, flags }));
  return lexicon;
}

/**
 * The matcher's lookup structures as flat Int32Arrays: the lexicon's hash table and a trie over word
 * ids whose edges are stored per node, sorted by word (CSR layout), so that a walk step is a short
 * binary search in one array instead of a Map lookup. Plain arrays also serialise: the build saves the
 * shipped taxonomy's index in its compiled JSON, so a start decodes it instead of building it.
 */
export interface MatchIndex {
  lexicon: LexiconTables;
  /** Word id -> trie node after that word; 0 = the word starts no alias. */
  firstNode: Int32Array;
  /** Node -> index of the pattern ending there, -1 if none. */
  terminal: Int32Array;
  /** Node -> its first edge; its edges end where the next node's begin. */
  edgeStart: Int32Array;
  edgeWord: Int32Array;
  edgeNext: Int32Array;
}

export function buildMatchIndex(taxonomy: CompiledTaxonomy, cues: readonly string[]): MatchIndex {
  const { words: vocabulary } = lexiconWords(taxonomy, cues);
  const firstNode = new Int32Array(vocabulary.length);
  const terminal: number[] = [-1]; // node 0 is "no node"
  const children: Map<number, number>[] = [new Map()];
  const newNode = (): number => {
    terminal.push(-1);
    children.push(new Map());
    return terminal.length - 1;
  };
  taxonomy.patterns.forEach((pattern, p) => {
    const words = pattern.words;
    if (words.length === 0) return;
    let node = firstNode[words[0]!] || (firstNode[words[0]!] = newNode());
    for (let k = 1; k < words.length; k++) {
      const edges = children[node]!;
      let next = edges.get(words[k]!);
      if (next === undefined) edges.set(words[k]!, (next = newNode()));
      node = next;
    }
    terminal[node] = p;
  });
  const edgeStart = new Int32Array(terminal.length + 1);
  const edgeWord: number[] = [];
  const edgeNext: number[] = [];
  children.forEach((edges, node) => {
    edgeStart[node] = edgeWord.length;
    for (const [word, next] of [...edges].sort((a, b) => a[0] - b[0])) {
      edgeWord.push(word);
      edgeNext.push(next);
    }
  });
  edgeStart[terminal.length] = edgeWord.length;
  return {
    lexicon: new Lexicon(vocabulary).tables,
    firstNode,
    terminal: Int32Array.from(terminal),
    edgeStart,
    edgeWord: Int32Array.from(edgeWord),
    edgeNext: Int32Array.from(edgeNext),
  };
}

const MAGIC = 0x534b4933; // "SKI3": format version, and a byte-order check (the data is little-endian)
const HEADER = 8;

/**
 * The index as base64 of one Int32Array: header (format and sizes), then the arrays. It is saved in
 * one file with the data it was made from (CompiledTaxonomyFile), so it needs no fingerprint of them;
 * the sizes still refuse an index that does not fit.
 */
export function encodeMatchIndex(index: MatchIndex, vocabularySize: number): string {
  const parts = [index.lexicon.table, index.firstNode, index.terminal, index.edgeStart, index.edgeWord, index.edgeNext];
  const header = [MAGIC, 0, vocabularySize, index.lexicon.table.length, index.terminal.length, index.edgeWord.length, 0, 0];
  const all = new Int32Array(HEADER + parts.reduce((n, p) => n + p.length, 0));
  all.set(header);
  let at = HEADER;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return Buffer.from(all.buffer, all.byteOffset, all.byteLength).toString('base64');
}

/** The saved index, or undefined when it does not fit a vocabulary of this size (then the caller builds one). */
export function decodeMatchIndex(encoded: string, vocabularySize: number): MatchIndex | undefined {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.byteLength < HEADER * 4 || bytes.byteLength % 4 !== 0) return undefined;
  // An Int32Array view needs 4-byte alignment; a pooled Buffer may not have it.
  const all = bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Int32Array(new Uint8Array(bytes).buffer);
  const [magic, , words, table, nodes, edges] = all;
  if (magic !== MAGIC || words !== vocabularySize) return undefined;
  if (all.length !== HEADER + words + table! + 2 * nodes! + 1 + 2 * edges!) return undefined;
  let at = HEADER;
  const take = (n: number): Int32Array => all.subarray(at, (at += n));
  return {
    lexicon: { table: take(table!) },
    firstNode: take(words),
    terminal: take(nodes!),
    edgeStart: take(nodes! + 1),
    edgeWord: take(edges!),
    edgeNext: take(edges!),
  };
}
