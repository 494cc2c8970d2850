import {
  ASCII_CLASS,
  ASCII_LOWER,
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
import type { Lexicon } from './lexicon.js';

/**
 * Tokens of one document as parallel typed arrays: offsets into the text and the lexicon word id
 * (-1 for words no alias uses). Reused across documents so the hot path allocates nothing.
 */
export class TokenBuffer {
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  word = new Int32Array(1024);
  count = 0;

  push(start: number, end: number, word: number): void {
    if (this.count === this.start.length) this.grow();
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.word[this.count] = word;
    this.count++;
  }

  private grow(): void {
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

/**
 * Splits `text` into tokens and resolves each to a lexicon word. A token not known whole is tried,
 * in order, as parts split at `/` then `-` ("Java/Kotlin", "Java-based"), without a trailing version
 * ("Python3", "C++17"), and as a glued word split at case changes ("PythonDjango") when one part is
 * an unambiguous skill. Unknown parts stay tokens with word -1: they still separate phrases.
 */
export function tokenize(text: string, lexicon: Lexicon, out: TokenBuffer): void {
  out.count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      if ((ASCII_CLASS[c]! & START) === 0 && !startsDotWord(text, i, c)) {
        i++;
        continue;
      }
    } else if (isNonAsciiSeparator(c)) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0;
    let keptHash = 0; // hash up to the last character that is not trimmed from the end
    let keptEnd = start;
    let flags = 0;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      if (c < 128) {
        const k = ASCII_CLASS[c]!;
        if ((k & INNER) === 0) break;
        hash = (Math.imul(hash, 31) + ASCII_LOWER[c]!) | 0;
        if ((k & TRIM) === 0) {
          keptHash = hash;
          keptEnd = i + 1;
          if ((k & UPPER) !== 0 && i !== start) flags |= F_INNER_UPPER;
        } else if (c === SLASH) flags |= F_SLASH;
        else if (c === HYPHEN) flags |= F_HYPHEN;
      } else {
        if (isNonAsciiSeparator(c)) break;
        flags |= F_NON_ASCII;
        keptEnd = i + 1;
      }
    }
    if (keptEnd === start) continue; // only trimmable characters (".", "-"): no token
    const last = text.charCodeAt(keptEnd - 1);
    if (last >= 48 && last <= 57) flags |= F_DIGIT_END;
    const word = (flags & F_NON_ASCII) === 0 ? lexicon.lookupAscii(text, start, keptEnd, keptHash) : lexicon.lookup(text.slice(start, keptEnd));
    if (word >= 0 || (flags === 0 && !mayBeGlued(text, start, keptEnd))) out.push(start, keptEnd, word);
    else splitUnknown(text, start, keptEnd, flags, lexicon, out);
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
  if (flags & F_INNER_UPPER && splitGlued(text, start, end, lexicon, out)) return;
  if (splitGluedConjunction(text, start, end, lexicon, out)) return;
  out.push(start, end, -1);
}

// Scrapers drop the space before a conjunction: "Kubernetesand Docker", "Javaor Kotlin".
const GLUE_WORDS = ['and', 'or'];

/** Cheap pre-check on the hot path: long enough and ending in "and"/"or". */
function mayBeGlued(text: string, start: number, end: number): boolean {
  if (end - start < 5) return false;
  const last = text.charCodeAt(end - 1) | 32;
  return (last === 100 && (text.charCodeAt(end - 2) | 32) === 110 && (text.charCodeAt(end - 3) | 32) === 97) || (last === 114 && (text.charCodeAt(end - 2) | 32) === 111);
}

/** "Kubernetesand" -> Kubernetes | and, only when the part before is an unambiguous skill. */
function splitGluedConjunction(text: string, start: number, end: number, lexicon: Lexicon, out: TokenBuffer): boolean {
  for (const glue of GLUE_WORDS) {
    const cut = end - glue.length;
    if (cut - start < 2 || text.slice(cut, end).toLowerCase() !== glue) continue;
    const word = lexicon.lookup(text.slice(start, cut));
    if (!lexicon.isSkillWord(word)) continue;
    out.push(start, cut, word);
    out.push(cut, end, lexicon.lookup(glue));
    return true;
  }
  return false;
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
  const word = lexicon.lookup(text.slice(start, end));
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
  const word = lexicon.lookup(text.slice(start, cut));
  if (word < 0) return false;
  out.push(start, cut, word);
  return true;
}

/**
 * "PythonDjango" -> Python | Django, "AWSExperience" -> AWS | Experience: split at case changes,
 * taking the longest known word at each boundary. Accepted only when some part is an unambiguous
 * skill, so "GoDaddy" stays one unknown token.
 */
function splitGlued(text: string, start: number, end: number, lexicon: Lexicon, out: TokenBuffer): boolean {
  const bounds = [start];
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (ASCII_CLASS[c]! & UPPER) === 0) continue;
    const prev = text.charCodeAt(i - 1);
    const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    const prevClass = prev < 128 ? ASCII_CLASS[prev]! : 0;
    const nextIsLower = next < 128 && (ASCII_CLASS[next]! & LOWERCASE) !== 0;
    if (prevClass & (LOWERCASE | DIGIT) || (prevClass & UPPER && nextIsLower)) bounds.push(i);
  }
  if (bounds.length === 1) return false;
  bounds.push(end);
  const parts: [number, number, number][] = [];
  let sawSkill = false;
  for (let a = 0; a < bounds.length - 1; ) {
    let found = -1;
    let z = bounds.length - 1;
    for (; z > a; z--) {
      found = lexicon.lookup(text.slice(bounds[a], bounds[z]));
      if (found >= 0) break;
    }
    if (found >= 0) {
      parts.push([bounds[a]!, bounds[z]!, found]);
      sawSkill ||= lexicon.isSkillWord(found);
      a = z;
    } else {
      parts.push([bounds[a]!, bounds[a + 1]!, -1]);
      a++;
    }
  }
  if (!sawSkill) return false;
  for (const [s, e, w] of parts) out.push(s, e, w);
  return true;
}

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
