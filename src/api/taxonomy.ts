import { existsSync, writeFileSync } from 'node:fs';
import { InputError, SkillscanError, UsageError } from '../model/errors.js';
import type { Taxonomy } from '../model/taxonomy.js';
import { describeSkill, findSkill, suggestSkill, type SkillDetails } from '../taxonomy/lookup.js';
import { STARTER_TAXONOMY } from '../taxonomy/starter.js';
import { closest } from '../util/similar.js';
import { checkTaxonomyFile } from './taxonomyCheck.js';

export { loadTaxonomy, type LoadedTaxonomy, type LoadTaxonomyOptions } from '../taxonomy/index.js';
export { checkTaxonomyFile, type CheckResult } from './taxonomyCheck.js';

/** Throws a UsageError (with a did-you-mean) unless `category` is an id of the taxonomy. */
export function assertCategory(taxonomy: { categories: readonly { id: string }[] }, category: string, maxDistance?: number): void {
  const ids = taxonomy.categories.map((c) => c.id);
  if (ids.includes(category)) return;
  const guess = closest(category, ids, maxDistance);
  throw new UsageError(`unknown category "${category}"${guess ? ` (did you mean "${guess}"?)` : ''}`, `categories: ${ids.join(', ')}`);
}

/** `taxonomy show`: the skill found by id, name or any alias, or an error with a suggestion. */
export function showSkill(taxonomy: Taxonomy, query: string): SkillDetails {
  const skill = findSkill(taxonomy, query);
  if (!skill) {
    const guess = suggestSkill(taxonomy, query);
    throw new SkillscanError(
      `skillscan: no skill "${query}" in taxonomy ${taxonomy.name}${guess ? ` (did you mean "${guess}"?)` : ''}`,
      "'skillscan taxonomy list' lists every skill",
    );
  }
  return describeSkill(taxonomy, skill);
}

/**
 * `taxonomy init`: writes the commented starter layer to `path` (not over an existing file unless
 * `force`), then checks it. `shown` is the name errors use.
 */
export function initTaxonomyFile(path: string, shown: string, options: { force?: boolean } = {}): void {
  if (existsSync(path) && !options.force)
    throw new UsageError(`${shown} exists already; not overwriting it`, 'use --force to replace it, or give another file name');
  try {
    writeFileSync(path, STARTER_TAXONOMY);
  } catch (error) {
    throw new InputError(`${shown}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const result = checkTaxonomyFile(path);
  if (result.problems.length > 0) throw new SkillscanError(`${shown} was written but is not valid:\n${result.problems.join('\n')}`);
}
