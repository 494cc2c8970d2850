import {
  ASCII_CLASS,
  ASCII_TOKEN,
  IS_HYPHEN,
  IS_JOINER,
  IS_SLASH,
  DIGIT,
  DOT,
  HYPHEN,
  INNER,
  LOWERCASE,
  SLASH,
  START,
  TRIM,
  UPPER,
  isAsciiLetter,
  isNonAsciiSeparator,
  isTokenChar,
  normalizeToken,
} from './chars.js';
import { WORD_IS_CUE, WORD_STARTS_ALIAS, type Lexicon } from './lexicon.js';

/** The word id of a plain token not looked up yet (see Lexicon.setEagerWords and TokenBuffer.wordAt). */
export const UNRESOLVED = -2;

/**
 * Tokens of one document as parallel typed arrays: offsets into the text and the lexicon word id
 * (-1 for words no alias uses, UNRESOLVED for a plain token not looked up yet: read ids through
 * wordAt). Reused across documents so the hot path allocates nothing.
 */
export class TokenBuffer {
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  word = new Int32Array(1024);
  count = 0;
  /** Offsets of the section cue words met, in text order (see collectCues). */
  cues = new Int32Array(64);
  cueCount = 0;
  /**
   * Indexes of the tokens whose word begins an alias (lexicon flag WORD_STARTS_ALIAS), ascending:
   * the matcher walks the trie from these only, instead of testing every token again.
   */
  aliasStarts = new Int32Array(256);
  aliasStartCount = 0;
  private bytes = Buffer.alloc(1 << 16);
  private units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length >> 1);

  /**
   * The text's UTF-16 code units in a reused array: the scan loop reads a typed array, which V8
   * compiles to plain loads, where charCodeAt checks the string's representation at every call.
   */
  codeUnits(text: string): Uint16Array {
    if (text.length > this.units.length) {
      this.bytes = Buffer.alloc(text.length * 2 + 1024);
      this.units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length >> 1);
    }
    this.bytes.write(text, 0, 'utf16le');
    return this.units;
  }

  /** The word id of token t (-1 if unknown), looking it up now if the tokenizer left it unresolved. */
  wordAt(t: number, lexicon: Lexicon): number {
    let w = this.word[t]!;
    if (w === UNRESOLVED) this.word[t] = w = lexicon.lookupUnits(this.units, this.start[t]!, this.end[t]!); // plain tokens are ASCII
    return w;
  }

  /** Lexicon flags of the document being tokenized: push notes the section cue words it is given. */
  wordFlags: Uint8Array = new Uint8Array(0);

  push(start: number, end: number, word: number): void {
    if (this.count === this.start.length) this.grow();
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.word[this.count] = word;
    if (word >= 0) this.noteWord(word, start, this.count);
    this.count++;
  }

  /** Notes token t (word >= 0) among the cue words and the alias starts, as its lexicon flags say. */
  noteWord(word: number, start: number, t: number): void {
    const flags = this.wordFlags[word]!;
    if ((flags & WORD_IS_CUE) !== 0) this.addCue(start);
    if ((flags & WORD_STARTS_ALIAS) !== 0) {
      if (this.aliasStartCount === this.aliasStarts.length) {
        const next = new Int32Array(this.aliasStarts.length * 2);
        next.set(this.aliasStarts);
        this.aliasStarts = next;
      }
      this.aliasStarts[this.aliasStartCount++] = t;
    }
  }

  addCue(offset: number): void {
    if (this.cueCount === this.cues.length) {
      const next = new Int32Array(this.cues.length * 2);
      next.set(this.cues);
      this.cues = next;
    }
    this.cues[this.cueCount++] = offset;
  }

  /** Doubles the capacity, keeping the tokens so far. */
  grow(): void {
    const size = this.start.length * 2;
    for (const key of ['start', 'end', 'word'] as const) {
      const next = new Int32Array(size);
      next.set(this[key]);
      this[key] = next;
    }
  }
}

// Facts gathered while scanning a token, used only when the whole token is not a known word.
const F_NON_ASCII = 1;
const F_SLASH = 2;
const F_HYPHEN = 4;
const F_INNER_UPPER = 8;
const F_DIGIT_END = 16;
const NON_ASCII = 1 << 16; // in the class accumulator: above ASCII_TOKEN's class and lower-case bits
// Class bits after a token's first character that call for the general path: a character that may
// be trimmed or join words (. - / + #), an inner capital, a digit (a version, "Python3"), non-ASCII.
const NOT_SIMPLE = IS_SLASH | IS_HYPHEN | IS_JOINER | UPPER | DIGIT | NON_ASCII;

/**
 * Splits `text` into tokens and resolves each to a lexicon word. A token not known whole is tried,
 * in order, as parts split at `/` then `-` ("Java/Kotlin", "Java-based"), without a trailing version
 * ("Python3", "C++17"), and as a glued word split at case changes ("PythonDjango") when one part is
 * an unambiguous skill. Unknown parts stay tokens with word -1: they still separate phrases.
 *
 * This loop runs on every character of every document: one table load per ASCII character, class
 * bits OR-ed together to decide later whether the rare split paths apply, the word looked up once
 * per token (by a hash of its length and edge characters, see chars.ts edgeHash), and tokens
 * written straight into the buffer's arrays.
 */
export function tokenize(text: string, lexicon: Lexicon, out: TokenBuffer): void {
  const n = text.length;
  let count = 0;
  out.cueCount = 0;
  out.aliasStartCount = 0;
  const wordFlags = lexicon.flags;
  out.wordFlags = wordFlags;
  let starts = out.start;
  let ends = out.end;
  let words = out.word;
  const units = out.codeUnits(text);
  // Module constants copied to locals: the optimiser keeps locals in registers, while it re-loads
  // module bindings (with a hole check) on every character.
  const table = ASCII_TOKEN;
  const startBit = START;
  const innerBit = INNER;
  const nonAscii = NON_ASCII;
  let i = 0;
  while (i < n) {
    let c = units[i]!;
    if (c < 128) {
      if ((table[c]! & startBit) === 0 && !startsDotWord(text, i, c)) {
        i++;
        continue;
      }
    } else if (isNonAsciiSeparator(c)) {
      i++;
      continue;
    }
    const start = i;
    const first = c;
    let seen = c < 128 ? (c === DOT ? IS_JOINER : 0) : nonAscii; // class bits of every character after the first (and a leading ".")
    for (i++; i < n; i++) {
      c = units[i]!;
      if (c < 128) {
        const k = table[c]!;
        if ((k & innerBit) === 0) break;
        seen |= k;
      } else {
        if (isNonAsciiSeparator(c)) break;
        seen |= nonAscii;
      }
    }
    let end = i;
    let word: number;
    // Most tokens are words of lower-case letters after the first: nothing to trim or split, so
    // they skip the checks below (same outcome: the general path would find them plain).
    if ((seen & NOT_SIMPLE) === 0 && (i - start > 1 || first > 57) && !mayBeGlued(units, start, i)) {
      word = lexicon.mayBeEager(units, start, i) ? lexicon.lookupUnits(units, start, i) : UNRESOLVED;
    } else {
      const last = units[end - 1]!;
      if (last < 128 && (ASCII_CLASS[last]! & TRIM) !== 0) {
        // Trailing "." "-" "/" are not part of the token ("Python.", "CI/").
        while (end > start && isTrimmed(units[end - 1]!)) end--;
        if (end === start) continue; // only trimmable characters: no token
      }
      const lastKept = units[end - 1]!;
      // A plain token (ASCII, no / - . + # inside, no inner capital, no trailing digit, not "...and")
      // stays one token whether or not it is a known word; others may be split when unknown.
      const innerJoiner = (seen & IS_JOINER) !== 0 && hasInnerJoiner(units, start, end);
      const versionPlus = lastKept === PLUS && end - start > 2 && units[end - 2]! >= 48 && units[end - 2]! <= 57; // "Python3+"
      const plain =
        (seen & (IS_SLASH | IS_HYPHEN | UPPER | NON_ASCII)) === 0 &&
        !innerJoiner &&
        !(lastKept >= 48 && lastKept <= 57) &&
        !versionPlus &&
        !mayBeGlued(units, start, end);
      if (plain) word = lexicon.mayBeEager(units, start, end) ? lexicon.lookupUnits(units, start, end) : UNRESOLVED;
      else word = (seen & NON_ASCII) === 0 ? lexicon.lookupUnits(units, start, end) : lexicon.lookup(text.slice(start, end));
      if (word < 0 && !plain) {
        let flags = 0;
        if (seen & NON_ASCII) flags |= F_NON_ASCII;
        if (seen & IS_SLASH) flags |= F_SLASH;
        if (seen & IS_HYPHEN) flags |= F_HYPHEN;
        if (seen & UPPER) flags |= F_INNER_UPPER;
        if (lastKept >= 48 && lastKept <= 57) flags |= F_DIGIT_END;
        out.count = count;
        if (innerJoiner) noteJoinedCues(text, start, end, lexicon, out);
        splitUnknown(text, start, end, flags, lexicon, out);
        ({ start: starts, end: ends, word: words, count } = out);
        continue;
      }
    }
    if (count === starts.length) {
      out.count = count;
      out.grow();
      ({ start: starts, end: ends, word: words } = out);
    }
    starts[count] = start;
    ends[count] = end;
    words[count] = word;
    // Cue words and alias starts are always resolved at once (eager words, see Lexicon.setEagerWords).
    if (word >= 0 && wordFlags[word] !== 0) out.noteWord(word, start, count);
    count++;
  }
  out.count = count;
}

/**
 * Adds to `into` the offsets of the section cue words (cueWords.ts) the tokenizer noted, in text
 * order: tokens that are cue words, and cue words glued inside other tokens ("plus.Kafka").
 */
export function collectCues(tokens: TokenBuffer, into: number[]): void {
  for (let k = 0; k < tokens.cueCount; k++) into.push(tokens.cues[k]!);
}

/** A "." "+" or "#" before a token character: "plus.Kafka", "e.g", ".preferred", but not "C++" or "5+". */
function hasInnerJoiner(units: Uint16Array, start: number, end: number): boolean {
  for (let i = start; i < end - 1; i++) {
    const c = units[i]!;
    if ((c === DOT || c === 43 || c === 35) && isTokenChar(units[i + 1]!) && units[i + 1] !== DOT) return true;
  }
  return false;
}

/**
 * Cue words glued to their neighbours by "." "+" or "#" ("is a plus.Kafka experience"): the token
 * stays as it is for matching skills, but the cue inside it is noted for findLevelRanges.
 */
function noteJoinedCues(text: string, start: number, end: number, lexicon: Lexicon, out: TokenBuffer): void {
  let partStart = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 32;
    if (c >= 128 || (ASCII_CLASS[c]! & START) !== 0) continue;
    if (i - partStart >= 4 && lexicon.isCueWord(lexicon.lookupRange(text, partStart, i))) out.addCue(partStart);
    partStart = i + 1;
  }
}

/** A "." begins a token only in front of a letter and after a non-token character: ".NET". */
function startsDotWord(text: string, i: number, c: number): boolean {
  return c === DOT && i + 1 < text.length && isAsciiLetter(text.charCodeAt(i + 1)) && (i === 0 || !isTokenChar(text.charCodeAt(i - 1)));
}

function splitUnknown(text: string, start: number, end: number, flags: number, lexicon: Lexicon, out: TokenBuffer): void {
  if (flags & F_SLASH && splitAt(text, start, end, SLASH, lexicon, out)) return;
  if (flags & F_HYPHEN && splitAt(text, start, end, HYPHEN, lexicon, out)) return;
  if (flags & F_DIGIT_END && stripVersion(text, start, end, lexicon, out)) return;
  if (text.charCodeAt(end - 1) === PLUS && stripVersionPlus(text, start, end, lexicon, out)) return;
  if (flags & F_INNER_UPPER && splitGlued(text, start, end, lexicon, out)) return;
  if (splitGluedConjunction(text, start, end, lexicon, out)) return;
  out.push(start, end, -1);
}

// Scrapers drop the space before a conjunction: "Kubernetesand Docker", "Javaor Kotlin".
const GLUE_WORDS = ['and', 'or'];

/** Cheap pre-check on the hot path: long enough and ending in "and"/"or". */
function mayBeGlued(units: Uint16Array, start: number, end: number): boolean {
  if (end - start < 5) return false;
  const last = units[end - 1]! | 32;
  return (last === 100 && (units[end - 2]! | 32) === 110 && (units[end - 3]! | 32) === 97) || (last === 114 && (units[end - 2]! | 32) === 111);
}

/** "Kubernetesand" -> Kubernetes | and, only when the part before is an unambiguous skill. */
function splitGluedConjunction(text: string, start: number, end: number, lexicon: Lexicon, out: TokenBuffer): boolean {
  for (const glue of GLUE_WORDS) {
    const cut = end - glue.length;
    if (cut - start < 2 || !endsWithLower(text, cut, end, glue)) continue;
    // "senior", "understand": common words end like this, so the part is looked up without a string.
    const word = lexicon.lookupRange(text, start, cut);
    if (!lexicon.isSkillWord(word)) continue;
    out.push(start, cut, word);
    out.push(cut, end, lexicon.lookup(glue));
    return true;
  }
  return false;
}

/** text[from, to) is `lower` (ASCII letters) in any case; `c | 32` is a lower-case letter only for ASCII letters. */
function endsWithLower(text: string, from: number, to: number, lower: string): boolean {
  for (let i = from; i < to; i++) if ((text.charCodeAt(i) | 32) !== lower.charCodeAt(i - from)) return false;
  return true;
}

/** Emits the parts of text[start, end) between `sep` characters; false if there is no separator. */
function splitAt(text: string, start: number, end: number, sep: number, lexicon: Lexicon, out: TokenBuffer): boolean {
  const first = text.indexOf(String.fromCharCode(sep), start);
  if (first < 0 || first >= end) return false;
  let partStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text.charCodeAt(i) === sep) {
      emitPart(text, partStart, i, lexicon, out);
      partStart = i + 1;
    }
  }
  return true;
}

/** Resolves a part of a split token the same way a whole token is resolved. */
function emitPart(text: string, start: number, end: number, lexicon: Lexicon, out: TokenBuffer): void {
  while (start < end && !isPartStart(text, start)) start++;
  while (end > start && isTrimmed(text.charCodeAt(end - 1))) end--;
  if (start >= end) return;
  const word = lexicon.lookupRange(text, start, end);
  if (word >= 0) {
    out.push(start, end, word);
    return;
  }
  let flags = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === SLASH) flags |= F_SLASH;
    else if (c === HYPHEN) flags |= F_HYPHEN;
    else if (c < 128 && ASCII_CLASS[c]! & UPPER && i !== start) flags |= F_INNER_UPPER;
  }
  const last = text.charCodeAt(end - 1);
  if (last >= 48 && last <= 57) flags |= F_DIGIT_END;
  splitUnknown(text, start, end, flags, lexicon, out);
}

function isPartStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? (ASCII_CLASS[c]! & START) !== 0 || (c === DOT && isAsciiLetter(text.charCodeAt(i + 1))) : !isNonAsciiSeparator(c);
}

function isTrimmed(c: number): boolean {
  return c < 128 && (ASCII_CLASS[c]! & TRIM) !== 0;
}

const PLUS = 43;

/** "ES6+" -> "ES6", "Angular2+" -> "Angular": a "+" after a version ("or later") goes with the version. */
function stripVersionPlus(text: string, start: number, end: number, lexicon: Lexicon, out: TokenBuffer): boolean {
  let cut = end;
  while (cut > start && text.charCodeAt(cut - 1) === PLUS) cut--;
  const last = text.charCodeAt(cut - 1);
  if (cut - start < 2 || !(last >= 48 && last <= 57)) return false; // "C++" is a name, not a version
  const word = lexicon.lookupRange(text, start, cut);
  if (word >= 0) {
    out.push(start, cut, word);
    return true;
  }
  return stripVersion(text, start, cut, lexicon, out);
}

/** "Python3" -> "Python", "C++17" -> "C++", "Python3.11" -> "Python": the version is left out of the match. */
function stripVersion(text: string, start: number, end: number, lexicon: Lexicon, out: TokenBuffer): boolean {
  let cut = end;
  while (cut > start) {
    const c = text.charCodeAt(cut - 1);
    if (c < 128 && (ASCII_CLASS[c]! & DIGIT || c === DOT)) cut--;
    else break;
  }
  // A single letter left over is not a name with a version but a code: "C1" (a CEFR level), "R12".
  if (cut === end || cut - start < 2) return false;
  const last = text.charCodeAt(cut - 1);
  if (!(isAsciiLetter(last) || last === 43 || last === 35)) return false;
  const word = lexicon.lookupRange(text, start, cut);
  if (word < 0) return false;
  out.push(start, cut, word);
  return true;
}

/**
 * "PythonDjango" -> Python | Django, "AWSExperience" -> AWS | Experience: split at case changes,
 * taking the longest known word at each boundary. Accepted only when some part is an unambiguous
 * skill, so "GoDaddy" stays one unknown token.
 */
/** Longer than any word of a lexicon (alias words are names, not sentences). */
const MAX_GLUED_PART = 64;

function splitGlued(text: string, start: number, end: number, lexicon: Lexicon, out: TokenBuffer): boolean {
  // Scratch arrays (a token has at most end - start boundaries): this runs for few tokens, but
  // arrays per call were the tokenizer's main garbage.
  if (GLUED.bounds.length < end - start + 2) GLUED = gluedScratch(end - start + 2);
  const { bounds, parts } = GLUED;
  let nb = 0;
  bounds[nb++] = start;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (ASCII_CLASS[c]! & UPPER) === 0) continue;
    const prev = text.charCodeAt(i - 1);
    const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    const prevClass = prev < 128 ? ASCII_CLASS[prev]! : 0;
    const nextIsLower = next < 128 && (ASCII_CLASS[next]! & LOWERCASE) !== 0;
    if (prevClass & (LOWERCASE | DIGIT) || (prevClass & UPPER && nextIsLower)) bounds[nb++] = i;
  }
  if (nb === 1) return false;
  bounds[nb++] = end;
  let np = 0; // parts as (start, end, word) triples
  let sawSkill = false;
  for (let a = 0; a < nb - 1; ) {
    let found = -1;
    let z = nb - 1;
    // The longest part first, but never longer than a word can be: a long run of glued words
    // ("AbAbAb…") stays linear instead of trying every pair of boundaries.
    while (z > a + 1 && bounds[z]! - bounds[a]! > MAX_GLUED_PART) z--;
    for (; z > a; z--) {
      found = lexicon.lookupRange(text, bounds[a]!, bounds[z]!);
      if (found >= 0) break;
    }
    if (found >= 0) {
      parts[np++] = bounds[a]!;
      parts[np++] = bounds[z]!;
      parts[np++] = found;
      sawSkill ||= lexicon.isSkillWord(found);
      a = z;
    } else {
      parts[np++] = bounds[a]!;
      parts[np++] = bounds[a + 1]!;
      parts[np++] = -1;
      a++;
    }
  }
  if (!sawSkill) return false;
  for (let k = 0; k < np; k += 3) out.push(parts[k]!, parts[k + 1]!, parts[k + 2]!);
  return true;
}

const gluedScratch = (size: number): { bounds: Int32Array; parts: Int32Array } => ({ bounds: new Int32Array(size), parts: new Int32Array(size * 3) });
let GLUED = gluedScratch(64);

/**
 * Splits an alias (or any short text) into lower-case token strings with the same character rules
 * as `tokenize`, without a lexicon: "Ruby on Rails" -> ruby, on, rails; "ASP.NET Core" -> asp.net, core.
 */
export function splitWords(text: string): { text: string; start: number; end: number }[] {
  const words: { text: string; start: number; end: number }[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const begins = c < 128 ? (ASCII_CLASS[c]! & START) !== 0 || startsDotWord(text, i, c) : !isNonAsciiSeparator(c);
    if (!begins) {
      i++;
      continue;
    }
    const start = i;
    let keptEnd = start;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d < 128) {
        const k = ASCII_CLASS[d]!;
        if ((k & INNER) === 0) break;
        if ((k & TRIM) === 0) keptEnd = i + 1;
      } else {
        if (isNonAsciiSeparator(d)) break;
        keptEnd = i + 1;
      }
    }
    if (keptEnd > start) words.push({ text: normalizeToken(text.slice(start, keptEnd)), start, end: keptEnd });
  }
  return words;
}
