import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import { SECTION_CUE_WORDS } from '../analyze/cueWords.js';
import { Lexicon, WORD_IS_CUE, type LexiconTables } from './lexicon.js';

const lexicons = new WeakMap<CompiledTaxonomy, { words: string[]; flags: Uint8Array }>();

/**
 * The matcher's vocabulary: the taxonomy's words (ids as in its patterns), then the section cue words
 * it lacks, flagged so the tokenizer notes where cues occur (see text/cueWords.ts).
 */
export function lexiconWords(taxonomy: CompiledTaxonomy): { words: string[]; flags: Uint8Array } {
  let lexicon = lexicons.get(taxonomy);
  if (lexicon) return lexicon;
  const ids = new Map(taxonomy.words.map((w, i) => [w, i]));
  const words = [...taxonomy.words];
  for (const cue of SECTION_CUE_WORDS) if (!ids.has(cue)) ids.set(cue, words.push(cue) - 1);
  const flags = new Uint8Array(words.length);
  flags.set(taxonomy.wordFlags);
  for (const cue of SECTION_CUE_WORDS) flags[ids.get(cue)!]! |= WORD_IS_CUE;
  lexicons.set(taxonomy, (lexicon = { words, flags }));
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

export function buildMatchIndex(taxonomy: CompiledTaxonomy): MatchIndex {
  const { words: vocabulary } = lexiconWords(taxonomy);
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

// Compiled taxonomies parsed unchanged from the build's JSON: their saved index was made from that
// very data, so it is used without hashing every pattern again (that check cost ~3% of a cold scan).
const pristine = new WeakSet<CompiledTaxonomy>();

/** Marks a compiled taxonomy as read as-is from the JSON the build wrote (see taxonomy/builtin.ts). */
export function trustSavedIndex(taxonomy: CompiledTaxonomy): CompiledTaxonomy {
  pristine.add(taxonomy);
  return taxonomy;
}

const MAGIC = 0x534b4932; // "SKI2": format version, and a byte-order check (the data is little-endian)
const HEADER = 8;

/** The index as base64 of one Int32Array: header (sizes and a fingerprint of the patterns), then the arrays. */
export function encodeMatchIndex(index: MatchIndex, taxonomy: CompiledTaxonomy): string {
  const parts = [index.lexicon.table, index.firstNode, index.terminal, index.edgeStart, index.edgeWord, index.edgeNext];
  const header = [MAGIC, fingerprint(taxonomy), lexiconWords(taxonomy).words.length, index.lexicon.table.length, index.terminal.length, index.edgeWord.length, 0, 0];
  const all = new Int32Array(HEADER + parts.reduce((n, p) => n + p.length, 0));
  all.set(header);
  let at = HEADER;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return Buffer.from(all.buffer, all.byteOffset, all.byteLength).toString('base64');
}

/** The saved index, or undefined when it was made for other data (then the caller builds one). */
export function decodeMatchIndex(encoded: string, taxonomy: CompiledTaxonomy): MatchIndex | undefined {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.byteLength < HEADER * 4 || bytes.byteLength % 4 !== 0) return undefined;
  // An Int32Array view needs 4-byte alignment; a pooled Buffer may not have it.
  const all = bytes.byteOffset % 4 === 0 ? new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Int32Array(new Uint8Array(bytes).buffer);
  const [magic, print, words, table, nodes, edges] = all;
  if (magic !== MAGIC || words !== lexiconWords(taxonomy).words.length || (!pristine.has(taxonomy) && print !== fingerprint(taxonomy))) return undefined;
  if (all.length !== HEADER + words + table! + 2 * nodes! + 1 + 2 * edges!) return undefined;
  let at = HEADER;
  const take = (n: number): Int32Array => all.subarray(at, (at += n));
  return { lexicon: { table: take(table!) }, firstNode: take(words), terminal: take(nodes!), edgeStart: take(nodes! + 1), edgeWord: take(edges!), edgeNext: take(edges!) };
}

/** A hash of every pattern and the words' shapes, so an index never serves data it was not made from. */
function fingerprint(taxonomy: CompiledTaxonomy): number {
  const { words } = lexiconWords(taxonomy);
  let h = words.length;
  for (const w of words) h = (Math.imul(h, 31) + w.length * 65536 + w.charCodeAt(0) + w.charCodeAt(w.length - 1)) | 0;
  for (const p of taxonomy.patterns) {
    h = (Math.imul(h, 31) + p.skill) | 0;
    h = (Math.imul(h, 31) + p.rule) | 0;
    for (const w of p.words) h = (Math.imul(h, 31) + w) | 0;
    h = (Math.imul(h, 31) + 7) | 0;
  }
  return h;
}
