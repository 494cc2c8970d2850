import { normalizeToken } from '../match/chars.js';
import type { CompiledCues } from '../model/compiled.js';
import type { CueKind, LevelCue } from '../model/taxonomy.js';
import { where } from './where.js';

/**
 * Requirement cue phrases (taxonomy/cues/LANG.yaml) compiled for the level analysis. A phrase is a
 * small pattern language (docs/levels-and-years.md, "Cue files"):
 *   words separated by spaces or "-" (either matches spaces or a hyphen in the text);
 *   `(a|b)` alternatives; `?` makes the character or group before it optional, and a group that is
 *   a whole word and optional takes its space with it ("(a|the)? plus" matches "plus" and "the plus");
 *   `'` matches ’ too. Everything else is literal, compared case-insensitively.
 */

type Atom = { char: string; optional: boolean } | { group: Phrase; optional: boolean } | { any: true; optional: false };
type Word = Atom[];
type Sequence = Word[];
type Phrase = Sequence[]; // alternatives

/** Parses a phrase, or throws an Error saying what is wrong in it. */
export function parseCuePhrase(text: string): Phrase {
  let i = 0;
  const alternatives = (depth: number): Phrase => {
    const alts: Phrase = [sequence(depth)];
    while (text[i] === '|') {
      i++;
      alts.push(sequence(depth));
    }
    return alts;
  };
  const sequence = (depth: number): Sequence => {
    const words: Sequence = [];
    let word: Word = [];
    const endWord = (): void => {
      if (word.length > 0) words.push(word);
      word = [];
    };
    while (i < text.length) {
      const c = text[i]!;
      if (c === '|' || c === ')') break;
      if (c === ' ' || c === '-') {
        endWord();
        i++;
        continue;
      }
      if (c === '?') throw new Error(`"?" at ${i + 1} follows nothing`);
      if (text.startsWith('...', i)) {
        // The words a cue speaks of ("no ... needed"): a few words within the clause.
        word.push({ any: true, optional: false });
        i += 3;
        continue;
      }
      i++;
      let atom: Atom;
      if (c === '(') {
        const group = alternatives(depth + 1);
        if (text[i] !== ')') throw new Error('a "(" is not closed');
        i++;
        atom = { group, optional: false };
      } else atom = { char: c, optional: false };
      if (text[i] === '?') {
        atom.optional = true;
        i++;
      }
      word.push(atom);
    }
    endWord();
    if (words.length === 0 && depth === 0) throw new Error('an alternative is empty');
    return words;
  };
  const phrase = alternatives(0);
  if (i < text.length) throw new Error(`unexpected "${text[i]}" at ${i + 1}`);
  return phrase;
}

const SEPARATOR = '[\\s\\-]+';
const escapeChar = (c: string): string => (c === "'" || c === '’' ? "['’]" : /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c.toLowerCase());

function phraseSource(phrase: Phrase): string {
  return phrase.map(sequenceSource).join('|');
}

function sequenceSource(sequence: Sequence): string {
  let out = '';
  let needSeparator = false; // a word is already there: the next one is apart from it
  for (const word of sequence) {
    const src = word.map(atomSource).join('');
    if (!wholeWordOptional(word)) {
      out += (needSeparator ? SEPARATOR : '') + src;
      needSeparator = true;
    } else if (needSeparator) out += `(?:${SEPARATOR}${groupSource(src)})?`;
    else out += `(?:${groupSource(src)}${SEPARATOR})?`;
  }
  return out;
}

/** A word that is one optional group: it may be left out with its separator. */
function wholeWordOptional(word: Word): boolean {
  return word.length === 1 && 'group' in word[0]! && word[0].optional === true;
}

/** The source of a whole-word optional group without its own `?` (the caller adds the optional wrapper). */
function groupSource(src: string): string {
  return src.endsWith(')?') ? src.slice(0, -1) : src;
}

/** "..." in a phrase: up to 60 characters of one clause, as few as will do. */
const ANY_WORDS = '[^.;:!?\\n\\r]{1,60}?';

function atomSource(atom: Atom): string {
  if ('any' in atom) return ANY_WORDS;
  const src = 'char' in atom ? escapeChar(atom.char) : `(?:${phraseSource(atom.group)})`;
  return atom.optional ? `${src}?` : src;
}

const MAX_EXPANSIONS = 5000;

/** Every text the phrase matches, as word lists (capped: the phrases are short). */
export function expandCuePhrase(phrase: Phrase): string[][] {
  const ofPhrase = (p: Phrase): string[][] => p.flatMap(ofSequence).slice(0, MAX_EXPANSIONS);
  const ofSequence = (sequence: Sequence): string[][] => {
    let acc: string[][] = [[]];
    for (const word of sequence) {
      const forms = ofWord(word);
      acc = acc.flatMap((a) => forms.map((f) => [...a, ...f])).slice(0, MAX_EXPANSIONS);
    }
    return acc;
  };
  // A word's forms: each a list of words (a group inside may hold spaces).
  const ofWord = (word: Word): string[][] => {
    let acc: string[][] = [[]];
    for (const atom of word) {
      if ('any' in atom) continue; // stands for the skills: no word of the cue's own
      const forms: string[][] = 'char' in atom ? [[atom.char]] : ofPhrase(atom.group);
      const all = atom.optional ? [[], ...forms] : forms;
      acc = acc.flatMap((a) => all.map((f) => glue(a, f))).slice(0, MAX_EXPANSIONS);
    }
    return acc;
  };
  return ofPhrase(phrase).map((words) => words.filter((w) => w !== ''));
}

/** Appends `next` to `words`, its first word joined to their last one (atoms of one word touch). */
function glue(words: string[], next: string[]): string[] {
  if (words.length === 0) return [...next];
  if (next.length === 0) return [...words];
  return [...words.slice(0, -1), words[words.length - 1]! + next[0]!, ...next.slice(1)];
}

/**
 * Words too common to pick out the lines worth reading: a cue must hold at least one other word.
 * Articles, auxiliaries, pronouns and conjunctions of the cue languages.
 */
const COMMON_WORDS = new Set(
  (
    "a an the is are be been being would will could should can may might it it's its it'd this that these those to of in on at for with by from as and or but if when " +
    "you your you'd you'll we we'd we're our us i me my they their not no also even really very some any all what what's who which than then there here have has had " +
    'do does did get so such just more most well too only into over up out about s d ll re ve t ' +
    'der die das den dem des ein eine einen einem ist sind war wäre wären und oder mit von zu zum zur für im in auf es sie wir ihr du sehr auch ' +
    "le la les l l' un une des est sont et ou avec de du d d' pour en au aux ce se sa son vous nous très aussi serait " +
    'el los las una es son y o con del para al se muy también será ' +
    'il lo gli un una è e con di del della per nel molto anche sarebbe ' +
    'o os as um uma é são ou com do da para em muito também seria ' +
    'de het een is zijn en of met van voor in zeer ook ' +
    'i w z na do jest są lub oraz bardzo także'
  ).split(' '),
);

/**
 * Frequent words of ads that cues hold too ("preferred qualifications", "knowledge of ... is a plus"):
 * a cue is marked by another of its words when it has one, so that the lines the analysis reads
 * are few.
 */
const GENERIC_WORDS = new Set(
  (
    'experience knowledge skill skills qualification qualifications requirement requirements required strong good great big real ' +
    'following know like make makes bring see help candidates include must mandatory profil competenze esperienza conoscenza ' +
    'experiencia conocimiento conocimientos conhecimentos que qui nos uns was dich ter bem'
  ).split(' '),
);

/** The words a negation cue says "no" with, in the cue languages; findExclusions reads lines holding one. */
export const NEGATION_WORDS =
  /\b(?:not|no|never|without|nicht|kein|keine|keinen|ohne|pas|sans|aucun|aucune|ni|sin|nunca|non|senza|mai|não|nao|nem|sem|geen|niet|zonder|nie|bez)\b|n['’]t\b/i;
/(?:^|[^\p{L}])(?:not|no|never|without|n['’]t|don['’]t|doesn['’]t|nicht|kein|keine|keinen|ohne|pas|sans|aucun|aucune|ni|sin|nunca|non|senza|mai|não|nao|nem|sem|geen|niet|zonder|nie|bez)(?![\p{L}])/iu;

/** The tokenizer's form of a cue's word: punctuation around it is not part of it. */
const cueWord = (w: string): string => normalizeToken(w).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * Marks one word of an expansion (unless one is marked already): a rare word before a generic one,
 * a long one before a short one. Every text a cue matches then holds a marked word. Returns the
 * index in `expansion` of the marked word, -1 if it has none (cuePhraseProblem reported that).
 */
function markOne(expansion: readonly string[], words: Set<string>): number {
  const forms = expansion.map(cueWord);
  const candidates = forms.map((w, k) => ({ w, k })).filter(({ w }) => w !== '' && !COMMON_WORDS.has(w));
  const marked = candidates.find(({ w }) => words.has(w));
  if (marked !== undefined) return marked.k;
  const cost = (w: string): number => (GENERIC_WORDS.has(w) ? 1000 : 0) - w.length;
  const best = candidates.sort((a, b) => cost(a.w) - cost(b.w))[0];
  if (best === undefined) return -1;
  words.add(best.w);
  return best.k;
}

/** The words that have one and the same neighbour wherever the cues hold them, with that neighbour. */
function onlyNeighbour(neighbours: Map<string, Set<string>>): Record<string, string> {
  return Object.fromEntries(
    [...neighbours]
      .filter(([, next]) => next.size === 1 && !next.has(''))
      .map(([word, next]) => [word, [...next][0]!] as const)
      .sort(),
  );
}

/** What is wrong with a cue phrase (a message for `file:line:col: ...`), or undefined when it is sound. */
export function cuePhraseProblem(text: string, kind: CueKind): string | undefined {
  let phrase: Phrase;
  try {
    phrase = parseCuePhrase(text.trim().toLowerCase());
  } catch (error) {
    return `cue phrase "${text}": ${(error as Error).message}`;
  }
  // "..." stands between a cue's words: a phrase that begins or ends with it would reach over any text
  // (the clause is read both ways anyway), and the first-letter pre-test needs a word first.
  if (/^\s*\.\.\.|\.\.\.\s*$/.test(text)) return `cue phrase "${text}": "..." must stand between words`;
  const expansions = expandCuePhrase(phrase);
  if (expansions.some((e) => e.length === 0)) return `cue phrase "${text}" can match an empty text (every word is optional)`;
  // Section names need no word of their own: they only end a section, and a section's lines are all read.
  if (kind === 'section') return undefined;
  if (kind === 'negation' && !expansions.some((e) => e.some((w) => NEGATION_WORDS.test(w))))
    return `cue phrase "${text}": a negation needs a word that says no ("not", "no", "never", "without", "n't")`;
  const common = expansions.find((e) => e.every((w) => COMMON_WORDS.has(cueWord(w)) || cueWord(w) === ''));
  return common ? `cue phrase "${text}" can match "${common.join(' ')}", common words only: add a word that says what the cue means` : undefined;
}

/**
 * Compiles cues into the analyzer's data. Phrases the loader found unsound (cuePhraseProblem) are
 * reported here too, for cues built in code, as `file:line:col: reason`.
 */
export function compileCues(cues: readonly LevelCue[]): { compiled: CompiledCues; problems: string[] } {
  const problems: string[] = [];
  const sources: Record<CueKind | 'afterAtEnd', string[]> = { heading: [], section: [], after: [], afterAtEnd: [], before: [], 'lead-in': [], negation: [] };
  const firstLetters = new Set<string>();
  const negationFirstLetters = new Set<string>();
  const words = new Set<string>();
  const inlineWords = new Set<string>();
  // The words each marked inline word follows in the cues ("not" before "required").
  const inlinePrevious = new Map<string, Set<string>>();
  const inlineNext = new Map<string, Set<string>>();
  for (const cue of cues) {
    cue.phrases.forEach((text, k) => {
      const problem = cuePhraseProblem(text, cue.kind);
      if (problem) {
        problems.push(`${where(cue.phraseAt?.[k] ?? cue.at)}: ${problem}`);
        return;
      }
      const phrase = parseCuePhrase(text.trim().toLowerCase());
      const expansions = expandCuePhrase(phrase);
      // Section names only end a section, and its lines are all read; negations are looked for on
      // the lines that name a skill (analyze/sections.ts, findExclusions): neither needs a marked word.
      if (cue.kind !== 'section' && cue.kind !== 'negation') {
        // Lead-ins are read on lines ending in ":" (as headings are), not searched for inline.
        const inline = cue.kind === 'after' || cue.kind === 'before';
        for (const expansion of expansions) {
          const k = markOne(expansion, words);
          if (k < 0 || !inline) continue;
          const word = cueWord(expansion[k]!);
          inlineWords.add(word);
          const add = (map: Map<string, Set<string>>, neighbour: string | undefined): void =>
            void map.set(word, (map.get(word) ?? new Set()).add(neighbour === undefined ? '' : cueWord(neighbour)));
          add(inlinePrevious, expansion[k - 1]);
          add(inlineNext, expansion[k + 1]);
        }
      }
      if (cue.kind === 'after' || cue.kind === 'before') for (const e of expansions) firstLetters.add(e[0]![0]!.toLowerCase());
      if (cue.kind === 'negation') for (const e of expansions) negationFirstLetters.add(e[0]![0]!.toLowerCase());
      sources[cue.kind === 'after' && cue.endsClause ? 'afterAtEnd' : cue.kind].push(phraseSource(phrase));
    });
  }
  const alternation = (kind: CueKind | 'afterAtEnd'): string => (sources[kind].length > 0 ? sources[kind].join('|') : '(?!)');
  return {
    compiled: {
      heading: alternation('heading'),
      section: alternation('section'),
      after: alternation('after'),
      afterAtEnd: alternation('afterAtEnd'),
      before: alternation('before'),
      leadIn: alternation('lead-in'),
      negation: alternation('negation'),
      firstLetters: [...firstLetters].sort().join(''),
      negationFirstLetters: [...negationFirstLetters].sort().join(''),
      words: [...words].sort(),
      inlineWords: [...inlineWords].sort(),
      inlineAfter: onlyNeighbour(inlinePrevious),
      inlineBefore: onlyNeighbour(inlineNext),
    },
    problems,
  };
}
