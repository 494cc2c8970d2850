/** Result types: what `scan` reports. The JSON output is exactly these objects (schemaVersion 1). */

export type Level = 'required' | 'preferred';
/** A skill's level in an ad: `excluded` when the ad says it is not used or needed ("we do not use PHP"). */
export type SkillLevel = Level | 'excluded';

export interface MatchPosition {
  /** The matched text, exactly as it stands in the input at line:column. */
  text: string;
  /** 1-based line in the input. */
  line: number;
  /** 1-based column (UTF-16 code units). */
  column: number;
  /** 0-based offset into the decoded text. */
  offset: number;
  /** The line around the match, trimmed to at most ~100 characters. */
  snippet: string;
  level?: SkillLevel;
}

/** A piece of the input that decided something, and where it stands (1-based line and column). */
export interface TextSource {
  text: string;
  line: number;
  column: number;
}

export interface SkillResult {
  id: string;
  name: string;
  category: string;
  /** Number of mentions in the text (0 for an implied skill). */
  count: number;
  /** True when the skill is not named but implied by one that is (Django implies Python). */
  implied: boolean;
  /** For an implied skill: the ids of the named skills that imply it. */
  impliedBy?: string[];
  /** Required unless every mention is in a "nice to have" part of the text; excluded when every
   * mention is where the ad says the skill is not used or needed. */
  level?: SkillLevel;
  /** For a preferred or excluded skill: the cue that made it so ("Nice to have", "do not use"), as written, and where. */
  levelCue?: TextSource;
  /** Years of experience the text states for the skill ("5+ years of Python"), the largest if several. */
  years?: number;
  /** The phrase that states `years`, as written, and where. */
  yearsFrom?: TextSource;
  matches: MatchPosition[];
}

export interface CategoryCoverage {
  category: string;
  label: string;
  /** Distinct skills of the category named (or implied) in the document. */
  matched: number;
  /** Skills of the category in the taxonomy. */
  total: number;
  weight: number;
  target: number;
  /** min(1, (named + 0.5 * implied) / target): the category's share of its weight. */
  covered: number;
}

export interface DocumentResult {
  source: string;
  /** 0-100: weighted coverage of the taxonomy's categories (see docs/matching-and-score.md). */
  score: number;
  coverage: CategoryCoverage[];
  skills: SkillResult[];
}

export interface InputFailure {
  source: string;
  message: string;
}

export interface ScanResult {
  schemaVersion: 1;
  taxonomy: { name: string; version: string };
  documents: DocumentResult[];
  errors: InputFailure[];
}
