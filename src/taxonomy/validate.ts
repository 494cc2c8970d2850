import { TaxonomyError } from '../model/errors.js';
import { closest } from '../util/similar.js';
import { where } from './load.js';
import type { Skill, Taxonomy } from '../model/taxonomy.js';

const ID_PATTERN = /^[a-z0-9][a-z0-9+#.-]*$/;

/** Lower case, NFKC, single spaces: two aliases that normalise alike are the same alias. */
export function normalizeAlias(alias: string): string {
  return alias.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every text a skill is matched by: its name (unless declared ambiguous), aliases, ambiguous aliases. */
export function skillAliases(skill: Skill): { text: string; ambiguous: boolean; at: string }[] {
  const ambiguous = new Set(skill.ambiguous.map((a) => normalizeAlias(a.alias)));
  const out: { text: string; ambiguous: boolean; at: string }[] = [];
  const seen = new Set<string>();
  const add = (text: string, isAmbiguous: boolean, at: string): void => {
    const key = normalizeAlias(text);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ text, ambiguous: isAmbiguous, at });
  };
  for (const a of skill.ambiguous) add(a.alias, true, where(a.at ?? skill.at));
  if (!ambiguous.has(normalizeAlias(skill.name))) add(skill.name, false, where(skill.at));
  skill.aliases.forEach((alias, i) => {
    if (!ambiguous.has(normalizeAlias(alias))) add(alias, false, where(skill.aliasAt?.[i] ?? skill.at));
  });
  return out;
}

/** Checks the whole taxonomy; throws a TaxonomyError listing every problem with its position. */
export function validateTaxonomy(taxonomy: Taxonomy): void {
  const problems: string[] = [];
  const categoryIds = taxonomy.categories.map((c) => c.id);
  const byId = new Map(taxonomy.skills.map((s) => [s.id, s]));
  const aliasOwner = new Map<string, { id: string; at: string }>();

  for (const skill of taxonomy.skills) {
    if (!ID_PATTERN.test(skill.id)) problems.push(`${where(skill.at)}: skill id "${skill.id}" must be a lowercase slug (a-z, 0-9, and + # . -)`);
    if (!categoryIds.includes(skill.category)) {
      const guess = closest(skill.category, categoryIds);
      problems.push(`${where(skill.at)}: skill "${skill.id}" has unknown category "${skill.category}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
    }
    for (const { text, at } of skillAliases(skill)) {
      const key = normalizeAlias(text);
      if (key === '' || !/[\p{L}\p{N}]/u.test(key)) {
        problems.push(`${at}: skill "${skill.id}" has an empty alias (it needs a letter or digit)`);
        continue;
      }
      const owner = aliasOwner.get(key);
      if (owner && owner.id !== skill.id) problems.push(`${at}: alias "${text}" of "${skill.id}" is already claimed by "${owner.id}" (${owner.at})`);
      else aliasOwner.set(key, { id: skill.id, at });
    }
    skill.implies.forEach((target, i) => {
      if (!byId.has(target)) {
        const guess = closest(target, byId.keys());
        problems.push(
          `${where(skill.impliesAt?.[i] ?? skill.at)}: "${skill.id}" implies unknown skill "${target}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
        );
      }
    });
    if (skill.ambiguous.length > 0 && !skill.examples) {
      problems.push(`${where(skill.at)}: skill "${skill.id}" has ambiguous aliases but no examples (give match and nomatch sentences)`);
    }
  }
  problems.push(...findCycles(taxonomy.skills, byId));
  if (problems.length > 0) throw new TaxonomyError(problems);
}

function findCycles(skills: Skill[], byId: Map<string, Skill>): string[] {
  const problems: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (skill: Skill, path: string[]): void => {
    const s = state.get(skill.id);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(skill.id)), skill.id];
      problems.push(`${where(skill.at)}: implies cycle: ${cycle.join(' -> ')}`);
      return;
    }
    state.set(skill.id, 'visiting');
    for (const target of skill.implies) {
      const next = byId.get(target);
      if (next) visit(next, [...path, skill.id]);
    }
    state.set(skill.id, 'done');
  };
  for (const skill of skills) visit(skill, []);
  return problems;
}
