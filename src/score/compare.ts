import type { CompiledTaxonomy } from '../model/compiled.js';
import { findAlternatives, type Mention } from '../analyze/alternatives.js';
import { LineIndex } from '../util/lines.js';
import { findTypos } from '../analyze/typos.js';
import type { AdPosition, Comparison, MatchedSkill, MissingSkill, Requirement, SkillRef, Suggestion } from '../model/compare.js';
import type { DocumentResult, Level, SkillResult } from '../model/result.js';

/** A scanned document and the text its match offsets point into (the original file's text). */
export interface ScannedText {
  doc: DocumentResult;
  text: string;
}

/** Weights of the fit (docs/matching-and-score.md). */
export const FIT_WEIGHTS = { required: 1, preferred: 0.5, implied: 0.5, tooFewYears: 0.5 } as const;

/**
 * Compares a CV with one ad. Requirements are the skills the ad names (not those it only implies),
 * each alone or as a group of alternatives; fit = 100 * sum(weight * credit) / sum(weight).
 */
export function compareDocuments(cv: ScannedText, ad: ScannedText, taxonomy: CompiledTaxonomy): Comparison {
  // A skill the ad says it does not use or need is no requirement: never a gap, never in the fit.
  const asked = ad.doc.skills.filter((s) => !s.implied && s.level !== 'excluded');
  const cvNamed = new Map(cv.doc.skills.filter((s) => !s.implied).map((s) => [s.id, s]));
  const cvImplied = new Map(cv.doc.skills.filter((s) => s.implied).map((s) => [s.id, s]));
  const credit = (s: SkillResult): number => {
    const mine = cvNamed.get(s.id);
    if (mine) return shortOfYears(s, mine) ? FIT_WEIGHTS.tooFewYears : 1;
    return cvImplied.has(s.id) ? FIT_WEIGHTS.implied : 0;
  };
  const requirements = buildRequirements(ad, asked).map(({ skills, level }): Requirement => {
    const weight = FIT_WEIGHTS[level];
    return { skills: skills.map((s) => s.id), level, weight, credit: Math.max(...skills.map(credit)) };
  });
  const weights = requirements.reduce((sum, r) => sum + r.weight, 0);
  const earned = requirements.reduce((sum, r) => sum + r.weight * r.credit, 0);
  const fit = weights === 0 ? 100 : Math.round((100 * earned) / weights);

  const matched: MatchedSkill[] = [];
  const missing: MissingSkill[] = [];
  for (const s of asked) {
    const level: Level = s.level === 'preferred' ? 'preferred' : 'required';
    const mine = cvNamed.get(s.id);
    const units = requirements.filter((r) => r.skills.includes(s.id));
    if (mine && !shortOfYears(s, mine)) {
      matched.push(withYears({ ...ref(s), level, implied: false }, s.years, mine.years));
    } else if (mine) {
      missing.push({ ...ref(s), level, reason: 'years', years: s.years!, cvYears: mine.years!, at: position(s) });
    } else if (cvImplied.has(s.id)) {
      matched.push(withYears({ ...ref(s), level, implied: true, impliedBy: cvImplied.get(s.id)!.impliedBy ?? [] }, s.years, undefined));
    } else if (units.some((r) => r.credit === 0 || r.skills.length === 1)) {
      const entry: MissingSkill = { ...ref(s), level, reason: 'absent', at: position(s) };
      if (s.years !== undefined) entry.years = s.years;
      if (units.every((r) => r.skills.length > 1)) entry.anyOf = [...new Set(units.flatMap((r) => r.skills))].sort();
      missing.push(entry);
    }
  }
  // Required first; then the skills the ad names most often; then in the ad's order.
  const mentions = new Map(asked.map((s) => [s.id, s.count]));
  missing.sort(
    (a, b) => levelRank(a.level) - levelRank(b.level) || mentions.get(b.id)! - mentions.get(a.id)! || a.at.line - b.at.line || a.at.column - b.at.column,
  );
  const askedIds = new Set(ad.doc.skills.map((s) => s.id));
  const extra = cv.doc.skills.filter((s) => !s.implied && !askedIds.has(s.id)).map(ref);
  return { job: ad.doc.source, fit, matched, missing, extra, suggestions: suggestTypos(cv, missing, taxonomy), requirements };
}

function ref(s: SkillResult): SkillRef {
  return { id: s.id, name: s.name, category: s.category };
}

function withYears(m: MatchedSkill, years: number | undefined, cvYears: number | undefined): MatchedSkill {
  if (years !== undefined) m.years = years;
  if (cvYears !== undefined) m.cvYears = cvYears;
  return m;
}

/** The CV states years for the skill, and fewer than the ad asks. A CV that states none is taken at its word. */
function shortOfYears(ad: SkillResult, cv: SkillResult): boolean {
  return ad.years !== undefined && cv.years !== undefined && cv.years < ad.years;
}

const YEARS_HINT = /\d\s*\+?\s*(?:years?|yrs?|jahre?|ans?|a[ñn]os?)\b|\d+ of them/iu;

const levelRank = (l: Level): number => (l === 'required' ? 0 : 1);

/**
 * The ad's requirements: each group of alternatives is one; each skill named at least once outside
 * any group is one of its own. A unit's level is required when any of its mentions is required.
 */
function buildRequirements(ad: ScannedText, asked: SkillResult[]): { skills: SkillResult[]; level: Level }[] {
  const mentions: (Mention & { level: Level })[] = [];
  for (const s of asked)
    for (const m of s.matches)
      if (m.level !== 'excluded')
        mentions.push({ start: m.offset, end: m.offset + m.text.length, skill: s.id, category: s.category, level: m.level ?? 'required' });
  const byId = new Map(asked.map((s) => [s.id, s]));
  const inGroup = new Set<number>();
  const units = new Map<string, { skills: SkillResult[]; level: Level }>();
  for (const group of findAlternatives(ad.text, mentions)) {
    for (const i of group) inGroup.add(i);
    const ids = [...new Set(group.map((i) => mentions[i]!.skill))].sort();
    const level: Level = group.some((i) => mentions[i]!.level === 'required') ? 'required' : 'preferred';
    const key = ids.join('|');
    const known = units.get(key);
    if (known) known.level = known.level === 'required' ? 'required' : level;
    else units.set(key, { skills: ids.map((id) => byId.get(id)!), level });
  }
  mentions.forEach((m, i) => {
    if (inGroup.has(i)) return;
    const known = units.get(m.skill);
    if (known) known.level = known.level === 'required' || m.level === 'required' ? 'required' : 'preferred';
    else units.set(m.skill, { skills: [byId.get(m.skill)!], level: m.level });
  });
  return [...units.values()];
}

/** Where the ad asks for the skill: its first mention at the skill's level. */
function position(s: SkillResult): AdPosition {
  const atLevel = s.matches.filter((x) => (x.level ?? 'required') === (s.level ?? 'required'));
  // Where the ad states the years, when it does; else the first mention at the skill's level.
  const years = s.years === undefined ? undefined : atLevel.find((x) => YEARS_HINT.test(x.snippet));
  const m = years ?? atLevel[0] ?? s.matches[0]!;
  return { line: m.line, column: m.column, snippet: m.snippet };
}

/** CV words that nearly spell a skill the ad asks for and the CV lacks. */
function suggestTypos(cv: ScannedText, missing: MissingSkill[], taxonomy: CompiledTaxonomy): Suggestion[] {
  const absent = missing.filter((m) => m.reason === 'absent');
  if (absent.length === 0 || cv.text.trim() === '') return [];
  const index = new Map(taxonomy.skills.map((s, i) => [s.id, i]));
  const wanted = new Set(absent.map((m) => index.get(m.id)));
  const candidates = new Map<string, string[]>();
  for (const p of taxonomy.patterns) {
    // Ambiguous aliases are English words already (Go, Spring, Swift): their near misses are too.
    if (!wanted.has(p.skill) || p.rule >= 0 || p.words.length !== 1) continue;
    const id = taxonomy.skills[p.skill]!.id;
    const list = candidates.get(id) ?? [];
    list.push(taxonomy.words[p.words[0]!]!);
    candidates.set(id, list);
  }
  const known = new Set(taxonomy.words);
  const lines = new LineIndex(cv.text);
  return findTypos(cv.text, candidates, known).map((t) => {
    const skill = absent.find((m) => m.id === t.key)!;
    const { line, column } = lines.position(t.offset);
    return { word: t.word, line, column, id: skill.id, name: skill.name };
  });
}
