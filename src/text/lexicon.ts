import { ASCII_LOWER, hashString, normalizeToken } from './chars.js';

/** Per-word facts the tokenizer needs to decide whether splitting a glued word is safe. */
export const WORD_IS_SKILL = 1; // the word alone is an unambiguous alias ("python", "aws")

/** The lexicon's hash table as plain arrays, to be saved with a compiled taxonomy and reused. */
export interface LexiconTables {
  hashes: Int32Array;
  table: Int32Array;
}

/**
 * The vocabulary of every token that appears in an alias, as an open-addressing hash table over
 * Int32Arrays: a token is looked up straight from the text (start/end/hash), with no string made.
 */
export class Lexicon {
  readonly words: readonly string[];
  readonly flags: Uint8Array;
  private readonly hashes: Int32Array;
  private readonly table: Int32Array; // word index + 1; 0 = empty
  private readonly mask: number;

  constructor(words: readonly string[], flags?: Uint8Array, tables?: LexiconTables) {
    this.words = words;
    this.flags = flags ?? new Uint8Array(words.length);
    const built = tables ?? buildTables(words);
    this.hashes = built.hashes;
    this.table = built.table;
    this.mask = this.table.length - 1;
  }

  get tables(): LexiconTables {
    return { hashes: this.hashes, table: this.table };
  }

  /** Word id of the ASCII token text[start, end) whose lower-case hash is `hash`, or -1. */
  lookupAscii(text: string, start: number, end: number, hash: number): number {
    const table = this.table;
    const mask = this.mask;
    const length = end - start;
    let slot = hash & mask;
    for (let entry = table[slot]!; entry !== 0; entry = table[(slot = (slot + 1) & mask)]!) {
      const w = entry - 1;
      if (this.hashes[w] !== hash) continue;
      const word = this.words[w]!;
      if (word.length !== length) continue;
      let k = 0;
      // The caller guarantees the token is ASCII, so the table lookup is in range.
      while (k < length && ASCII_LOWER[text.charCodeAt(start + k)] === word.charCodeAt(k)) k++;
      if (k === length) return w;
    }
    return -1;
  }

  /**
   * Word id of text[start, end): hashed in place when it is ASCII (split parts such as "e-commerce"
   * -> "e", "commerce" cost no string), else normalised through `lookup`.
   */
  lookupRange(text: string, start: number, end: number): number {
    let hash = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) return this.lookup(text.slice(start, end));
      hash = (Math.imul(hash, 31) + ASCII_LOWER[c]!) | 0;
    }
    return this.lookupAscii(text, start, end, hash);
  }

  /** Word id of any token text (normalised first); the slow path for non-ASCII tokens. */
  lookup(token: string): number {
    const s = normalizeToken(token);
    const hash = hashString(s);
    let slot = hash & this.mask;
    for (let entry = this.table[slot]!; entry !== 0; entry = this.table[(slot = (slot + 1) & this.mask)]!) {
      const w = entry - 1;
      if (this.hashes[w] === hash && this.words[w] === s) return w;
    }
    return -1;
  }

  isSkillWord(w: number): boolean {
    return w >= 0 && (this.flags[w]! & WORD_IS_SKILL) !== 0;
  }
}

function buildTables(words: readonly string[]): LexiconTables {
  const hashes = new Int32Array(words.length);
  let size = 16;
  while (size < words.length * 4) size <<= 1; // load <= 1/4: most misses stop at an empty slot
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let w = 0; w < words.length; w++) {
    const h = hashString(words[w]!);
    hashes[w] = h;
    let slot = h & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = w + 1;
  }
  return { hashes, table };
}
