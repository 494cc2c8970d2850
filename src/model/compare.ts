/** What `compare` reports: a CV against job ads. The JSON output is exactly these objects (schemaVersion 1). */
import type { InputFailure, Level } from './result.js';

export interface SkillRef {
  id: string;
  name: string;
  category: string;
}

/** Where the ad asks for a skill: its first mention at the skill's level. */
export interface AdPosition {
  line: number;
  column: number;
  snippet: string;
}

export interface MatchedSkill extends SkillRef {
  level: Level;
  /** The CV does not name the skill but names one that implies it (Django -> Python): half credit. */
  implied: boolean;
  impliedBy?: string[];
  /** Years the ad asks for, and the years the CV states, when known. */
  years?: number;
  cvYears?: number;
}

export interface MissingSkill extends SkillRef {
  level: Level;
  /** `absent`: the CV does not name it; `years`: it does, with fewer years than the ad asks. */
  reason: 'absent' | 'years';
  /** Years the ad asks for. */
  years?: number;
  /** Years the CV states (reason `years`). */
  cvYears?: number;
  /** When the ad asks for the skill only as one of alternatives ("Kafka or RabbitMQ"): all of them, by id. */
  anyOf?: string[];
  at: AdPosition;
}

/** A CV word that nearly spells a missing skill ("Kubernates"): never counted, only suggested. */
export interface Suggestion {
  word: string;
  line: number;
  column: number;
  /** The missing skill it looks like. */
  id: string;
  name: string;
}

/** One unit of the fit: a skill, or a group of alternatives that any one member satisfies. */
export interface Requirement {
  skills: string[];
  level: Level;
  /** 1 for required, 0.5 for preferred. */
  weight: number;
  /** 1 named in the CV (enough years), 0.5 implied or too few years, 0 missing. */
  credit: number;
}

export interface Comparison {
  job: string;
  /** 0-100: 100 * sum(weight * credit) / sum(weight) over the requirements; 100 when the ad asks nothing. */
  fit: number;
  matched: MatchedSkill[];
  missing: MissingSkill[];
  extra: SkillRef[];
  suggestions: Suggestion[];
  requirements: Requirement[];
}

export interface CompareResult {
  schemaVersion: 1;
  taxonomy: { name: string; version: string };
  cv: string;
  comparisons: Comparison[];
  errors: InputFailure[];
}
