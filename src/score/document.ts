import type { Finding } from '../match/matcher.js';
import type { CompiledTaxonomy } from '../model/compiled.js';
import { LineIndex } from '../util/lines.js';
import { scoreCoverage } from './score.js';
import type { DocumentResult, MatchPosition, SkillLevel, SkillResult } from '../model/result.js';

export interface DocumentOptions {
  /** The requirement level of the text at an offset (from the ad's sections), if known. */
  levelAt?: (offset: number) => SkillLevel | undefined;
  /** The cue of the preferred part an offset lies in (text and where it starts). */
  cueAt?: (offset: number) => { cue: string; cueAt: number } | undefined;
  /** Per finding (index into `findings`): the years stated for it, and the phrase that states them. */
  years?: ReadonlyMap<number, { years: number; start: number; text: string }>;
  /** When `text` was extracted from markup: the original and the offset map into it (see extract.ts). */
  original?: { text: string; toSource: (offset: number, end?: boolean) => number };
}

const SNIPPET_WIDTH = 100;

/** Turns raw findings into the reported document: skills with positions, implied skills, coverage, score. */
export function buildDocument(source: string, text: string, findings: Finding[], taxonomy: CompiledTaxonomy, options: DocumentOptions = {}): DocumentResult {
  const shown = options.original?.text ?? text;
  const toShown = options.original?.toSource ?? ((offset: number) => offset);
  const lines = new LineIndex(shown);
  const bySkill = new Map<number, MatchPosition[]>();
  const firstFinding = new Map<number, number>();
  const position = (offset: number): { line: number; column: number } => lines.position(toShown(offset));
  for (const [k, f] of findings.entries()) {
    if (!firstFinding.has(f.skill)) firstFinding.set(f.skill, k);
    const start = toShown(f.start);
    const end = toShown(f.end, true); // an exclusive end: covers the whole of an entity it ends in
    const { line, column } = lines.position(start);
    const match: MatchPosition = { text: shown.slice(start, end), line, column, offset: start, snippet: lines.snippet(shown, start, SNIPPET_WIDTH) };
    const level = options.levelAt?.(f.start);
    if (level) match.level = level;
    const list = bySkill.get(f.skill);
    if (list) list.push(match);
    else bySkill.set(f.skill, [match]);
  }
  const named = new Set(bySkill.keys());
  const impliedBy = new Map<number, number[]>();
  for (const s of named) {
    for (const target of taxonomy.skills[s]!.implies) {
      if (named.has(target)) continue;
      const from = impliedBy.get(target);
      if (from) from.push(s);
      else impliedBy.set(target, [s]);
    }
  }
  const skills: SkillResult[] = [];
  for (const [s, matches] of bySkill) {
    const skill = taxonomy.skills[s]!;
    const result: SkillResult = { id: skill.id, name: skill.name, category: skill.category, count: matches.length, implied: false, matches };
    const level = skillLevel(matches);
    if (level) result.level = level;
    const cue = level === 'preferred' || level === 'excluded' ? options.cueAt?.(findings[firstFinding.get(s)!]!.start) : undefined;
    if (cue) result.levelCue = { text: cue.cue, ...position(cue.cueAt) };
    skills.push(result);
  }
  for (const [s, from] of impliedBy) {
    const skill = taxonomy.skills[s]!;
    skills.push({
      id: skill.id,
      name: skill.name,
      category: skill.category,
      count: 0,
      implied: true,
      impliedBy: from.map((i) => taxonomy.skills[i]!.id).sort(),
      matches: [],
    });
  }
  const order = new Map(taxonomy.skills.map((s, i) => [s.id, [s.categoryIndex, i] as const]));
  skills.sort((a, b) => {
    const [ca] = order.get(a.id)!;
    const [cb] = order.get(b.id)!;
    return ca - cb || Number(a.implied) - Number(b.implied) || b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  if (options.years) attachYears(skills, findings, taxonomy, options.years, position, options.levelAt);
  const { score, coverage } = scoreCoverage(taxonomy, named, new Set(impliedBy.keys()));
  return { source, score, coverage, skills };
}

/**
 * The years each named skill is asked for: the largest figure, except that a figure stated where the
 * skill is required wins over one stated where it is only preferred ("1 year of AWS" required,
 * "2+ years of AWS" under Preferred qualifications: 1).
 */
function attachYears(
  skills: SkillResult[],
  findings: readonly Finding[],
  taxonomy: CompiledTaxonomy,
  years: DocumentOptions['years'] & {},
  position: (offset: number) => { line: number; column: number },
  levelAt: DocumentOptions['levelAt'],
): void {
  const best = new Map<string, { years: number; start: number; text: string; required: boolean }>();
  for (const [i, figure] of years) {
    const id = taxonomy.skills[findings[i]!.skill]!.id;
    const required = (levelAt?.(findings[i]!.start) ?? 'required') === 'required';
    const held = best.get(id);
    if (!held || (required && !held.required) || (required === held.required && figure.years > held.years)) best.set(id, { ...figure, required });
  }
  for (const skill of skills) {
    const figure = skill.implied ? undefined : best.get(skill.id);
    if (!figure) continue;
    skill.years = figure.years;
    skill.yearsFrom = { text: figure.text, ...position(figure.start) };
  }
}

/**
 * A skill is excluded when every mention says it is not used; otherwise, of the other mentions,
 * preferred only when every one is in a preferred part, else required.
 */
function skillLevel(matches: MatchPosition[]): SkillLevel | undefined {
  if (matches.every((m) => m.level === undefined)) return undefined;
  const asked = matches.filter((m) => m.level !== 'excluded');
  if (asked.length === 0) return 'excluded';
  return asked.every((m) => m.level === 'preferred') ? 'preferred' : 'required';
}
