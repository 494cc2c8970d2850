import { ASCII_LOWER, hashString, normalizeToken } from './chars.js';

/** Per-word facts the tokenizer needs to decide whether splitting a glued word is safe. */
export const WORD_IS_SKILL = 1; // the word alone is an unambiguous alias ("python", "aws")

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

  constructor(words: readonly string[], flags?: Uint8Array) {
    this.words = words;
    this.flags = flags ?? new Uint8Array(words.length);
    this.hashes = new Int32Array(words.length);
    let size = 16;
    while (size < words.length * 4) size <<= 1; // load <= 1/4: most misses stop at an empty slot
    this.table = new Int32Array(size);
    this.mask = size - 1;
    words.forEach((word, w) => {
      const h = hashString(word);
      this.hashes[w] = h;
      let slot = h & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = w + 1;
    });
  }

  /** Word id of the ASCII token text[start, end) whose lower-case hash is `hash`, or -1. */
  lookupAscii(text: string, start: number, end: number, hash: number): number {
    const table = this.table;
    const mask = this.mask;
    let slot = hash & mask;
    for (let entry = table[slot]!; entry !== 0; entry = table[(slot = (slot + 1) & mask)]!) {
      const w = entry - 1;
      if (this.hashes[w] !== hash) continue;
      const word = this.words[w]!;
      if (word.length !== end - start) continue;
      let k = 0;
      // The caller guarantees the token is ASCII, so the table lookup is in range.
      while (k < word.length && ASCII_LOWER[text.charCodeAt(start + k)] === word.charCodeAt(k)) k++;
      if (k === word.length) return w;
    }
    return -1;
  }

  /** Word id of any token text (normalised first); the slow path for non-ASCII and split parts. */
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
