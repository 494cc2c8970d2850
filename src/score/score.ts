import type { CompiledTaxonomy } from '../model/compiled.js';
import type { CategoryCoverage } from '../model/result.js';

/** An implied skill (Django -> Python) counts this much toward its category's coverage. */
export const IMPLIED_WEIGHT = 0.5;

/**
 * Score 0-100 = 100 * sum(weight_c * covered_c) / sum(weight_c) over scored categories, where
 * covered_c = min(1, (named_c + 0.5 * implied_c) / target_c). A category's `target` is how many
 * distinct skills make it fully covered (2 languages, 2 databases, 1 server ...).
 */
export function scoreCoverage(
  taxonomy: CompiledTaxonomy,
  named: ReadonlySet<number>,
  implied: ReadonlySet<number>,
): { score: number; coverage: CategoryCoverage[] } {
  const totals = new Array<number>(taxonomy.categories.length).fill(0);
  const namedCount = new Array<number>(taxonomy.categories.length).fill(0);
  const impliedCount = new Array<number>(taxonomy.categories.length).fill(0);
  taxonomy.skills.forEach((skill, i) => {
    totals[skill.categoryIndex]!++;
    if (named.has(i)) namedCount[skill.categoryIndex]!++;
    else if (implied.has(i)) impliedCount[skill.categoryIndex]!++;
  });
  let weighted = 0;
  let weights = 0;
  const coverage = taxonomy.categories.map((category, c): CategoryCoverage => {
    const covered = Math.min(1, (namedCount[c]! + IMPLIED_WEIGHT * impliedCount[c]!) / category.target);
    weighted += category.weight * covered;
    weights += category.weight;
    return {
      category: category.id,
      label: category.label,
      matched: namedCount[c]! + impliedCount[c]!,
      total: totals[c]!,
      weight: category.weight,
      target: category.target,
      covered: round(covered, 3),
    };
  });
  return { score: weights === 0 ? 0 : Math.round((100 * weighted) / weights), coverage };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
