/** What `report` produces: demand for skills over many documents. JSON output is this object (schemaVersion 1). */
import type { InputFailure } from './result.js';

export interface LevelSplit {
  /** Documents where the skill (or, in the total, a skill) is asked for as a requirement. */
  required: number;
  /** ... only as "nice to have". */
  preferred: number;
  /** ... where the ad's parts could not be told apart. */
  unknown: number;
}

export interface ReportSkill {
  id: string;
  name: string;
  category: string;
  /** Documents naming the skill (implied-only documents not included). */
  documents: number;
  /** documents / all documents, 0..1, four decimals. */
  share: number;
  /** Mentions over all documents. */
  mentions: number;
  /** Documents where the skill is not named but implied (Django implies Python). */
  implied: number;
  levels: LevelSplit;
}

export interface ReportCategory {
  id: string;
  label: string;
  /** Documents naming at least one skill of the category. */
  documents: number;
  share: number;
}

export interface ReportPair {
  /** Two skill ids, in taxonomy order. */
  skills: [string, string];
  names: [string, string];
  /** Documents naming both. */
  documents: number;
  share: number;
}

export interface ScoreBucket {
  from: number;
  to: number;
  documents: number;
}

export interface ScoreSummary {
  mean: number;
  median: number;
  min: number;
  max: number;
  /** 10-point buckets: 0-9, 10-19, ..., 90-100. */
  histogram: ScoreBucket[];
}

/**
 * Every count the report is made from, keyed by id: enough to merge reports of parts into exactly
 * the report of the whole (all pairs, not just the top ones; scores per point, not per bucket).
 */
export interface RawCounts {
  skills: Record<string, { documents: number; mentions: number; implied: number; required: number; preferred: number }>;
  categories: Record<string, number>;
  /** [skill a, skill b, documents naming both], every pair with a count, sorted by a then b. */
  pairs: [string, string, number][];
  /** scores[s] = documents scoring s, s = 0..100. */
  scores: number[];
}

export interface ReportResult {
  schemaVersion: 1;
  taxonomy: { name: string; version: string };
  /** Documents counted (inputs that failed are not). */
  documents: number;
  /** Categories the skills, pairs and levels were limited to (`--category`); absent = all. */
  categoryFilter?: string[];
  /** Distinct skills named in at least one document (within the filter), before `--top`. */
  skillsNamed: number;
  skills: ReportSkill[];
  categories: ReportCategory[];
  pairs: ReportPair[];
  scores: ScoreSummary;
  levels: LevelSplit;
  errors: InputFailure[];
  raw: RawCounts;
}
