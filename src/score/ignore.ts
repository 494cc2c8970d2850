import type { CompiledTaxonomy } from '../model/compiled.js';
import { scoreCoverage } from './score.js';
import type { DocumentResult } from '../model/result.js';

/**
 * The document as if the ignored skills (`ignore: [git]` in the configuration) were not in the
 * taxonomy's results: they are dropped, so are skills only they implied, and the coverage and score
 * are computed again without them.
 */
export function withoutSkills(doc: DocumentResult, ignore: ReadonlySet<string>, taxonomy: CompiledTaxonomy): DocumentResult {
  if (ignore.size === 0 || !doc.skills.some((s) => ignore.has(s.id) || s.impliedBy?.some((id) => ignore.has(id)))) return doc;
  const index = new Map(taxonomy.skills.map((s, i) => [s.id, i]));
  const named = new Set(doc.skills.filter((s) => !s.implied && !ignore.has(s.id)).map((s) => index.get(s.id)!));
  const impliedBy = new Map<number, string[]>();
  for (const i of named) {
    for (const target of taxonomy.skills[i]!.implies) {
      if (named.has(target) || ignore.has(taxonomy.skills[target]!.id)) continue;
      impliedBy.set(target, [...(impliedBy.get(target) ?? []), taxonomy.skills[i]!.id]);
    }
  }
  const skills = doc.skills.flatMap((s) => {
    const i = index.get(s.id)!;
    if (!s.implied) return named.has(i) ? [s] : [];
    const from = impliedBy.get(i);
    return from ? [{ ...s, impliedBy: from.sort() }] : [];
  });
  const { score, coverage } = scoreCoverage(taxonomy, named, new Set(impliedBy.keys()));
  return { ...doc, score, coverage, skills };
}
