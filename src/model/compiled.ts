import type { CaseRule, Category, NeedsRule } from './taxonomy.js';

export interface CompiledSkill {
  id: string;
  name: string;
  category: string;
  categoryIndex: number;
  /** Indices of every skill this one implies, transitively. */
  implies: number[];
  /** Skills named inside this skill's matched phrase are found too (see Skill.nested). */
  nested?: true;
}

/** An `unless` phrase: the lower-case text, where the alias starts inside it, and whether it is a prefix. */
export interface UnlessPhrase {
  phrase: string;
  offset: number;
  /** Written with a trailing `*`: the text need only begin with the phrase ("spring 20*" vetoes "spring 2025"). */
  prefix: boolean;
}

export interface CompiledRule {
  /** The alias as written, for `case: exact`. */
  alias: string;
  case: CaseRule;
  needs: NeedsRule;
  before: string[][];
  after: string[][];
  unless: UnlessPhrase[];
}

/** One alias as a sequence of lexicon word ids, the skill it names, and its rule (-1: none). */
export interface CompiledPattern {
  words: number[];
  skill: number;
  rule: number;
}

/** Everything the matcher needs, as plain data: built once (at build time for the shipped taxonomy). */
export interface CompiledTaxonomy {
  name: string;
  version: string;
  categories: Omit<Category, 'at'>[];
  skills: CompiledSkill[];
  words: string[];
  wordFlags: number[];
  patterns: CompiledPattern[];
  rules: CompiledRule[];
  context: { before: string[][]; after: string[][]; window: number };
  cues: CompiledCues;
}

/**
 * The requirement cues compiled for analyze/sections.ts: regular-expression sources (flags are the
 * analyzer's) and the words the tokenizer marks so that only lines holding one are read.
 */
export interface CompiledCues {
  /** Heading or label text (normalised, lower case) that opens a preferred section. */
  heading: string;
  /** Other section names: a heading that ends a preferred section. */
  section: string;
  /** Inline cues that reach back over their clause ("is a plus"). */
  after: string;
  /** The same, where the clause must end after the cue ("(preferred)"). */
  afterAtEnd: string;
  /** Inline cues that reach forward over their clause ("preferably"). */
  before: string;
  /** Phrases of a line ending in ":" whose list below is preferred. */
  leadIn: string;
  /** Phrases that say a skill is not used or needed: level `excluded`. */
  negation: string;
  /** First letters (lower case) of every text `after`, `afterAtEnd` and `before` match: a cheap pre-test. */
  firstLetters: string;
  /** The same of `negation`. */
  negationFirstLetters: string;
  /** Normalised words of every cue: each cue, however it matches, holds at least one. */
  words: string[];
  /** Of those, the words of inline cues (after, before, lead-in). */
  inlineWords: string[];
  /** An inline word that only ever follows one word in the cues ("required" in "not required"): that word. */
  inlineAfter: Record<string, string>;
  /** An inline word that is only ever followed by one word ("good" in "good to have"): that word. */
  inlineBefore: Record<string, string>;
}

/**
 * The build's file for the shipped taxonomy (dist/taxonomy.compiled.json), also handed to report
 * workers: the compiled data, and the matcher's lookup tables made from it at build time (see
 * src/match/matchIndex.ts), so that a start decodes them instead of building them.
 */
export interface CompiledTaxonomyFile {
  taxonomy: CompiledTaxonomy;
  matchIndex?: string;
}
