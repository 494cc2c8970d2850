/**
 * Character classes for the tokenizer. Tokens are letters and digits with `+ # . - /` allowed inside,
 * so technology names stay whole: C++, C#, .NET, Node.js, CI/CD, PL/SQL, T-SQL, socket.io.
 * Tables, not regexes: this runs on every character of every document.
 */
export const START = 1; // may begin a token: letter or digit
export const INNER = 2; // may continue a token
export const UPPER = 4;
export const LOWERCASE = 8;
export const TRIM = 16; // dropped from a token's end: "Python." "Java-" "CI/"
export const DIGIT = 32;

/** Class bits of ASCII characters 0..127. */
export const ASCII_CLASS = new Uint8Array(128);
/** ASCII lower-casing table (identity for everything but A-Z). */
export const ASCII_LOWER = new Uint16Array(128);

for (let c = 0; c < 128; c++) {
  ASCII_LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;
  let k = 0;
  if (c >= 48 && c <= 57) k = START | INNER | DIGIT;
  else if (c >= 65 && c <= 90) k = START | INNER | UPPER;
  else if (c >= 97 && c <= 122) k = START | INNER | LOWERCASE;
  else if (c === 43 || c === 35)
    k = INNER; // + #
  else if (c === 46 || c === 45 || c === 47) k = INNER | TRIM; // . - /
  ASCII_CLASS[c] = k;
}

/**
 * The tokenizer's per-character class for ASCII: ASCII_CLASS's bits plus IS_SLASH, IS_HYPHEN and
 * IS_JOINER, so the inner loop does one load and ORs the bits it will need after the token ends.
 */
export const IS_SLASH = 64;
export const IS_HYPHEN = 128;
export const IS_JOINER = 256; // . + # : inside a token they may glue words ("plus.Kafka" in scraped text)
export const ASCII_TOKEN = new Int32Array(128);
for (let c = 0; c < 128; c++) {
  const joiner = c === 46 || c === 43 || c === 35 ? IS_JOINER : 0;
  ASCII_TOKEN[c] = ASCII_CLASS[c]! | (c === 47 ? IS_SLASH : 0) | (c === 45 ? IS_HYPHEN : 0) | joiner;
}

export const DOT = 46;
export const HYPHEN = 45;
export const SLASH = 47;

/**
 * Non-ASCII characters that separate tokens: spaces, dashes, quotes, bullets, symbols, arrows, box
 * drawing, emoji halves, CJK punctuation, and CJK/kana/hangul script (job ads in Japanese glue
 * "Pythonの経験" together; the technology names are always Latin, so CJK text acts as a separator).
 */
export function isNonAsciiSeparator(c: number): boolean {
  return (
    c <= 0x00bf || // Latin-1 punctuation and symbols: NBSP « » · © ® ° ×
    c === 0x00d7 ||
    c === 0x00f7 ||
    (c >= 0x02b0 && c <= 0x036f) || // modifier letters, combining marks on their own
    c === 0x1680 || // ogham space mark: the one Unicode space (\s) outside the ranges here
    (c >= 0x2000 && c <= 0x2bff) || // general punctuation, symbols, arrows, box drawing, dingbats
    (c >= 0x2e00 && c <= 0x2e7f) ||
    (c >= 0x3000 && c <= 0x9fff) || // CJK punctuation, kana, CJK ideographs
    (c >= 0xac00 && c <= 0xd7af) || // Hangul
    (c >= 0xd800 && c <= 0xdfff) || // surrogates: emoji and other astral symbols
    (c >= 0xe000 && c <= 0xf8ff) || // private use (icon fonts in scraped pages)
    (c >= 0xfe00 && c <= 0xfe0f) || // variation selectors
    c === 0xfeff ||
    (c >= 0xff00 && c <= 0xff0f && c !== 0xff03 && c !== 0xff0b) || // fullwidth punctuation, but ＃ ＋ (C＃)
    c === 0xfffd
  );
}

/** True when the character at `i` can be part of a token (used to see if a `.` starts `.NET`). */
export function isTokenChar(c: number): boolean {
  return c < 128 ? (ASCII_CLASS[c]! & INNER) !== 0 : !isNonAsciiSeparator(c);
}

export function isAsciiLetter(c: number): boolean {
  return c < 128 && (ASCII_CLASS[c]! & (UPPER | LOWERCASE)) !== 0;
}

/**
 * A word's hash from its length and its first two and last two characters (lower case). The
 * tokenizer computes it once per token from four loads, instead of hashing every character: a
 * multiply per character was the longest dependency chain in its inner loop. The lexicon's compare
 * settles the collisions ("data", "dada").
 */
export function edgeHash(length: number, a: number, b: number, y: number, z: number): number {
  let h = Math.imul(length, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (b << 8), 0x85ebca6b);
  h = Math.imul(h ^ (y << 16) ^ z, 0xc2b2ae35);
  return h ^ (h >>> 15);
}

/** The edge hash of a lower-case word (as stored in the lexicon). */
export function hashWord(s: string): number {
  const n = s.length;
  if (n === 0) return edgeHash(0, 0, 0, 0, 0);
  return edgeHash(n, s.charCodeAt(0), s.charCodeAt(n > 1 ? 1 : 0), s.charCodeAt(n > 1 ? n - 2 : 0), s.charCodeAt(n - 1));
}

/** Lower-cases and normalises token text the way the lexicon stores words. */
export function normalizeToken(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\u266f/g, '#');
}
