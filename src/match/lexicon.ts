import { ASCII_LOWER, edgeHash, hashWord, normalizeToken } from './chars.js';

/** Per-word facts the tokenizer needs to decide whether splitting a glued word is safe. */
export const WORD_IS_SKILL = 1; // the word alone is an unambiguous alias ("python", "aws")
export const WORD_IS_CUE = 2; // a word of a "nice to have" cue (cueWords.ts): the tokenizer notes where it occurs
export const WORD_STARTS_ALIAS = 4; // set by the matcher: the word begins an alias; the tokenizer lists such tokens

/** The lexicon's hash table as a plain array, to be saved with a compiled taxonomy and reused. */
export interface LexiconTables {
  table: Int32Array;
}

// A table entry holds the word id + 1 (low 20 bits) and 12 more bits of the word's hash: a probe
// rejects almost every other word from the one load, without reading a second array.
const ID_BITS = 20;
const ID_MASK = (1 << ID_BITS) - 1;
export const MAX_WORDS = ID_MASK - 1;
const tagOf = (hash: number): number => hash >>> ID_BITS;

/**
 * The vocabulary of every token that appears in an alias, as an open-addressing hash table over
 * Int32Arrays: a token is looked up straight from the text (start/end/hash), with no string made.
 */
export class Lexicon {
  readonly words: readonly string[];
  readonly flags: Uint8Array;
  private readonly table: Int32Array; // (hash tag << 20) | (word index + 1); 0 = empty
  private readonly mask: number;
  /** Every word's characters in one array (word w at offsets[w]..offsets[w + 1]): compared without a string. */
  private readonly chars: Uint16Array;
  private readonly offsets: Int32Array;

  constructor(words: readonly string[], flags?: Uint8Array, tables?: LexiconTables) {
    this.words = words;
    this.offsets = new Int32Array(words.length + 1);
    for (let w = 0; w < words.length; w++) this.offsets[w + 1] = this.offsets[w]! + words[w]!.length;
    // Encoded natively: a loop over every character is slow at start, before the code is optimised.
    const bytes = Buffer.from(words.join(''), 'utf16le');
    this.chars = new Uint16Array(bytes.length >> 1);
    new Uint8Array(this.chars.buffer).set(bytes);
    this.flags = flags ?? new Uint8Array(words.length);
    const built = tables ?? buildTables(words);
    this.table = built.table;
    this.mask = this.table.length - 1;
  }

  /**
   * A bit set over a short key (length, first two and last character) of the words that a plain
   * token is looked up for at once: the matcher sets the words that start an alias, and the cue
   * words. Other plain tokens ("and", "the", "experience": most of a job ad) are left unresolved
   * until a trie walk needs them (TokenBuffer.wordAt). Undefined: every token is looked up.
   */
  private eager: Uint8Array | undefined;

  setEagerWords(ids: Iterable<number>): void {
    const bits = new Uint8Array(EAGER_BITS >>> 3);
    for (const w of ids) {
      const word = this.words[w]!;
      const n = word.length;
      if (n === 0) continue;
      const key = eagerKey(n, word.charCodeAt(0), word.charCodeAt(n > 1 ? 1 : 0), word.charCodeAt(n - 1));
      bits[key >>> 3]! |= 1 << (key & 7);
    }
    this.eager = bits;
  }

  /** False when the plain ASCII token units[start, end) is surely not an eager word (see setEagerWords). */
  mayBeEager(units: Uint16Array, start: number, end: number): boolean {
    const bits = this.eager;
    if (bits === undefined) return true;
    const lower = ASCII_LOWER;
    const key = eagerKey(end - start, lower[units[start]!]!, lower[units[start + 1 < end ? start + 1 : start]!]!, lower[units[end - 1]!]!);
    return (bits[key >>> 3]! & (1 << (key & 7))) !== 0;
  }

  get tables(): LexiconTables {
    return { table: this.table };
  }

  /**
   * Word id of the ASCII token units[start, end) in any case, or -1: the tokenizer's hot path, over
   * the text's code units (TokenBuffer.codeUnits), where typed-array loads beat charCodeAt.
   */
  lookupUnits(units: Uint16Array, start: number, end: number): number {
    const lower = ASCII_LOWER; // the caller guarantees ASCII, so the table lookups are in range
    const last = end - 1;
    const second = start < last ? start + 1 : start;
    const hash = edgeHash(end - start, lower[units[start]!]!, lower[units[second]!]!, lower[units[last > start ? last - 1 : start]!]!, lower[units[last]!]!);
    const table = this.table;
    const mask = this.mask;
    const length = end - start;
    const tag = tagOf(hash);
    let slot = hash & mask;
    for (let entry = table[slot]!; entry !== 0; entry = table[(slot = (slot + 1) & mask)]!) {
      if (entry >>> ID_BITS !== tag) continue;
      const w = (entry & ID_MASK) - 1;
      const from = this.offsets[w]!;
      if (this.offsets[w + 1]! - from !== length) continue;
      const chars = this.chars;
      let k = 0;
      while (k < length && lower[units[start + k]!] === chars[from + k]) k++;
      if (k === length) return w;
    }
    return -1;
  }

  /**
   * Word id of text[start, end): compared in place when it is ASCII (split parts such as "e-commerce"
   * -> "e", "commerce" cost no string), else normalised through `lookup`.
   */
  lookupRange(text: string, start: number, end: number): number {
    for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 128) return this.lookup(text.slice(start, end));
    if (end <= start) return this.lookup('');
    const lower = ASCII_LOWER;
    const last = end - 1;
    const length = end - start;
    const hash = edgeHash(
      length,
      lower[text.charCodeAt(start)]!,
      lower[text.charCodeAt(start < last ? start + 1 : start)]!,
      lower[text.charCodeAt(last > start ? last - 1 : start)]!,
      lower[text.charCodeAt(last)]!,
    );
    const tag = tagOf(hash);
    let slot = hash & this.mask;
    for (let entry = this.table[slot]!; entry !== 0; entry = this.table[(slot = (slot + 1) & this.mask)]!) {
      if (entry >>> ID_BITS !== tag) continue;
      const w = (entry & ID_MASK) - 1;
      const from = this.offsets[w]!;
      if (this.offsets[w + 1]! - from !== length) continue;
      let k = 0;
      while (k < length && lower[text.charCodeAt(start + k)] === this.chars[from + k]) k++;
      if (k === length) return w;
    }
    return -1;
  }

  /** Word id of any token text (normalised first); the slow path for non-ASCII tokens. */
  lookup(token: string): number {
    const s = normalizeToken(token);
    const hash = hashWord(s);
    const tag = tagOf(hash);
    let slot = hash & this.mask;
    for (let entry = this.table[slot]!; entry !== 0; entry = this.table[(slot = (slot + 1) & this.mask)]!) {
      const w = (entry & ID_MASK) - 1;
      if (entry >>> ID_BITS === tag && this.words[w] === s) return w;
    }
    return -1;
  }

  isSkillWord(w: number): boolean {
    return w >= 0 && (this.flags[w]! & WORD_IS_SKILL) !== 0;
  }

  isCueWord(w: number): boolean {
    return w >= 0 && (this.flags[w]! & WORD_IS_CUE) !== 0;
  }
}

const EAGER_BITS = 1 << 16; // 8 KB: stays in the L1 cache

/** 16 bits from a word's length and three characters (lower case). */
function eagerKey(length: number, a: number, b: number, z: number): number {
  return Math.imul((length << 21) ^ (a << 14) ^ (b << 7) ^ z, 0x9e3779b1) >>> 16;
}

function buildTables(words: readonly string[]): LexiconTables {
  if (words.length > MAX_WORDS) throw new Error(`a lexicon holds at most ${MAX_WORDS} words (got ${words.length})`);
  let size = 16;
  while (size < words.length * 4) size <<= 1; // load <= 1/4: most misses stop at an empty slot
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let w = 0; w < words.length; w++) {
    const h = hashWord(words[w]!);
    let slot = h & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = (tagOf(h) << ID_BITS) | (w + 1);
  }
  return { table };
}
