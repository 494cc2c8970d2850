/** Where a value came from in a taxonomy file, for `file:line:col` messages. */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

export type CaseRule = 'any' | 'exact';
export type NeedsRule = 'context' | 'none';

/** An alias that is also an English word, a letter or a company: it matches only when its rule holds. */
export interface AmbiguousAlias {
  alias: string;
  case: CaseRule;
  needs: NeedsRule;
  before: string[];
  after: string[];
  unless: string[];
  at?: SourcePos;
}

export interface SkillExamples {
  match: string[];
  nomatch: string[];
}

export interface Skill {
  id: string;
  name: string;
  category: string;
  aliases: string[];
  implies: string[];
  ambiguous: AmbiguousAlias[];
  examples?: SkillExamples;
  /** Concept word: inflections of its aliases match too (cache -> caching). */
  stem: boolean;
  /** Other skills named inside this skill's phrases count too: "design REST APIs" is REST as well. */
  nested?: boolean;
  at?: SourcePos;
  aliasAt?: SourcePos[];
  impliesAt?: SourcePos[];
}

export interface Category {
  id: string;
  label: string;
  /** Share of the score; 0 = not scored. */
  weight: number;
  /** Distinct skills that count as full coverage of the category. */
  target: number;
  at?: SourcePos;
}

/** What counts as technology context around an ambiguous alias. */
export interface ContextCues {
  before: string[];
  after: string[];
  window: number;
}

/** What a requirement cue does (docs/levels-and-years.md, "Cue files"). */
export const CUE_KINDS = ['heading', 'section', 'after', 'before', 'lead-in', 'negation'] as const;
export type CueKind = (typeof CUE_KINDS)[number];

/** Ad fragments a cue must get right: the level every skill found in them must have. */
export interface CueExamples {
  preferred: string[];
  required: string[];
  /** Fragments in which every skill found is excluded (negation cues). */
  excluded: string[];
}

/** Phrases of one kind that tell a requirement level, from a cue file (taxonomy/cues/LANG.yaml). */
export interface LevelCue {
  kind: CueKind;
  language: string;
  phrases: string[];
  /** An `after` cue that counts only where its clause ends ("preferred." but not "preferred skills"). */
  endsClause?: boolean;
  examples: CueExamples;
  at?: SourcePos;
  phraseAt?: SourcePos[];
}

export interface Taxonomy {
  name: string;
  version: string;
  categories: Category[];
  context: ContextCues;
  /** Requirement-level cues of every layer, in order. */
  cues: LevelCue[];
  skills: Skill[];
  /** Files the taxonomy was read from (manifest first). */
  files: string[];
}

/** A user taxonomy before merging: everything but skills may be absent. */
export interface TaxonomyLayer {
  name?: string;
  version?: string;
  categories: Category[];
  context?: Partial<ContextCues>;
  cues: LevelCue[];
  skills: Skill[];
  files: string[];
}
