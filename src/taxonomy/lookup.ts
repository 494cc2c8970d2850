import { closest } from '../util/similar.js';
import type { Skill, Taxonomy } from '../model/taxonomy.js';
import { normalizeAlias, skillAliases } from './validate.js';

/** What `taxonomy show` prints about one skill: the skill, how it is related, where it is defined. */
export interface SkillDetails {
  skill: Skill;
  categoryLabel: string;
  /** Every text the skill is matched by (name, aliases, ambiguous aliases). */
  aliases: string[];
  /** Skills this one implies: directly, and all of them transitively. */
  implies: string[];
  impliesAll: string[];
  /** Skills that imply this one directly. */
  impliedBy: string[];
}

/** The skill named by an id, a name or any alias, case-insensitively (`postgres` -> PostgreSQL). */
export function findSkill(taxonomy: Taxonomy, query: string): Skill | undefined {
  const key = normalizeAlias(query);
  return taxonomy.skills.find((s) => s.id === key) ?? taxonomy.skills.find((s) => skillAliases(s).some((a) => normalizeAlias(a.text) === key));
}

/** The closest id, name or alias to a query that named nothing, for "did you mean". */
export function suggestSkill(taxonomy: Taxonomy, query: string): string | undefined {
  const names = taxonomy.skills.flatMap((s) => [s.id, ...skillAliases(s).map((a) => a.text)]);
  return closest(query, names, query.length > 4 ? 2 : 1);
}

export function describeSkill(taxonomy: Taxonomy, skill: Skill): SkillDetails {
  const byId = new Map(taxonomy.skills.map((s) => [s.id, s]));
  const all = new Set<string>();
  const stack = [...skill.implies];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (all.has(id)) continue;
    all.add(id);
    stack.push(...(byId.get(id)?.implies ?? []));
  }
  return {
    skill,
    categoryLabel: taxonomy.categories.find((c) => c.id === skill.category)?.label ?? skill.category,
    aliases: skillAliases(skill).map((a) => a.text),
    implies: [...skill.implies],
    impliesAll: [...all].sort(),
    impliedBy: taxonomy.skills
      .filter((s) => s.implies.includes(skill.id))
      .map((s) => s.id)
      .sort(),
  };
}
