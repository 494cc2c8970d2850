import { Scanner } from '../pipeline/scanner.js';
import { TaxonomyError } from '../model/errors.js';
import { builtinTaxonomy } from '../taxonomy/builtin.js';
import { compileTaxonomy } from '../taxonomy/compile.js';
import { loadTaxonomyLayer, where, type ReadText } from '../taxonomy/load.js';
import { mergeLayers } from '../taxonomy/merge.js';
import type { Skill, Taxonomy } from '../model/taxonomy.js';

export interface CheckResult {
  file: string;
  /** `file:line:col: reason`, every problem found; empty when the file is valid. */
  problems: string[];
  /** The merged taxonomy, when it loaded. */
  taxonomy?: Taxonomy;
  /** Skills and categories the file itself defines. */
  skills: number;
  categories: number;
}

/**
 * Checks one taxonomy file as `-t` would use it (merged over the built-in taxonomy) or, `standalone`,
 * as a complete taxonomy: fields, ids, aliases, implies, rules, and every example sentence of the
 * file's own skills against the compiled matcher.
 */
export function checkTaxonomyFile(file: string, options: { standalone?: boolean; read?: ReadText } = {}): CheckResult {
  const result: CheckResult = { file, problems: [], skills: 0, categories: 0 };
  try {
    const layer = options.read ? loadTaxonomyLayer(file, options.read) : loadTaxonomyLayer(file);
    result.skills = layer.skills.length;
    result.categories = layer.categories.length;
    const taxonomy = mergeLayers(options.standalone ? [layer] : [builtinTaxonomy(), layer]);
    result.taxonomy = taxonomy;
    const scanner = new Scanner(compileTaxonomy(taxonomy));
    const own = new Set(layer.skills.map((s) => s.id));
    for (const skill of taxonomy.skills) if (own.has(skill.id)) result.problems.push(...checkExamples(skill, scanner));
  } catch (error) {
    if (!(error instanceof TaxonomyError)) throw error;
    result.problems.push(...error.problems);
  }
  return result;
}

function checkExamples(skill: Skill, scanner: Scanner): string[] {
  const problems: string[] = [];
  const named = (sentence: string): boolean => scanner.scanText(sentence).skills.some((s) => s.id === skill.id && !s.implied);
  for (const sentence of skill.examples?.match ?? []) {
    if (!named(sentence)) problems.push(`${where(skill.at)}: skill "${skill.id}": example "${sentence}" should match but does not`);
  }
  for (const sentence of skill.examples?.nomatch ?? []) {
    if (named(sentence)) problems.push(`${where(skill.at)}: skill "${skill.id}": nomatch example "${sentence}" matches`);
  }
  return problems;
}
