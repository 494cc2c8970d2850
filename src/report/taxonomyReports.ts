import type { ChalkInstance } from 'chalk';
import type { SkillDetails } from '../taxonomy/lookup.js';
import type { Taxonomy } from '../model/taxonomy.js';
import { skillAliases } from '../taxonomy/validate.js';
import { where } from '../taxonomy/load.js';
import type { ReportOptions } from './options.js';

/** `taxonomy list`: the skills of each category (optionally one category). */
export interface TaxonomyListing {
  taxonomy: { name: string; version: string };
  categories: { id: string; label: string; weight: number; target: number; skills: { id: string; name: string; aliases: string[]; implies: string[] }[] }[];
}

export function taxonomyListing(taxonomy: Taxonomy, category?: string): TaxonomyListing {
  return {
    taxonomy: { name: taxonomy.name, version: taxonomy.version },
    categories: taxonomy.categories
      .filter((c) => category === undefined || c.id === category)
      .map((c) => ({
        id: c.id,
        label: c.label,
        weight: c.weight,
        target: c.target,
        skills: taxonomy.skills
          .filter((s) => s.category === c.id)
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .map((s) => ({
            id: s.id,
            name: s.name,
            aliases: skillAliases(s)
              .map((a) => a.text)
              .filter((a) => a !== s.name),
            implies: s.implies,
          })),
      })),
  };
}

export function taxonomyListTable(listing: TaxonomyListing, { chalk }: ReportOptions): string {
  const out: string[] = [];
  const total = listing.categories.reduce((n, c) => n + c.skills.length, 0);
  out.push(
    chalk.bold(
      `${listing.taxonomy.name} ${listing.taxonomy.version}: ${total} skills in ${listing.categories.length} categor${listing.categories.length === 1 ? 'y' : 'ies'}`,
    ),
  );
  for (const c of listing.categories) {
    out.push('', `${chalk.bold(c.label)} ${chalk.dim(`(${c.id}, weight ${c.weight}, target ${c.target}, ${c.skills.length} skills)`)}`);
    const width = Math.max(0, ...c.skills.map((s) => s.id.length));
    const nameWidth = Math.max(0, ...c.skills.map((s) => s.name.length));
    for (const s of c.skills) {
      const also = s.aliases.length > 0 ? chalk.dim(`  ${truncate(s.aliases.join(', '), 70)}`) : '';
      out.push(`  ${s.id.padEnd(width)}  ${chalk.green(s.name.padEnd(nameWidth))}${also}`.trimEnd());
    }
  }
  return `${out.join('\n')}\n`;
}

export function taxonomyShowJson(details: SkillDetails): string {
  const { skill } = details;
  const rules = skill.ambiguous.map(({ at: _at, ...rule }) => rule);
  const json = {
    id: skill.id,
    name: skill.name,
    category: skill.category,
    categoryLabel: details.categoryLabel,
    aliases: details.aliases,
    implies: details.implies,
    impliesAll: details.impliesAll,
    impliedBy: details.impliedBy,
    ambiguous: rules,
    examples: skill.examples ?? { match: [], nomatch: [] },
    stem: skill.stem,
    definedAt: skill.at ? where(skill.at) : null,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** `taxonomy show`: how a skill is matched and how it relates to others. */
export function taxonomyShowTable(details: SkillDetails, { chalk }: ReportOptions): string {
  const { skill } = details;
  const out = [`${chalk.bold.green(skill.name)} ${chalk.dim(`(${skill.id})`)}  ${details.categoryLabel} ${chalk.dim(`(${skill.category})`)}`];
  const field = (label: string, value: string): void => {
    out.push(`  ${chalk.bold(label.padEnd(12))}${value}`);
  };
  field('matched by', details.aliases.join(', '));
  if (skill.stem) field('inflections', 'yes (stem: caching, cached, caches ...)');
  field(
    'implies',
    list(details.implies, chalk) +
      (details.impliesAll.length > details.implies.length ? chalk.dim(`  (with what they imply: ${details.impliesAll.join(', ')})`) : ''),
  );
  field('implied by', list(details.impliedBy, chalk));
  for (const rule of skill.ambiguous) {
    const parts = [`case ${rule.case}`, `needs ${rule.needs}`];
    if (rule.before.length > 0) parts.push(`cues before: ${rule.before.join(', ')}`);
    if (rule.after.length > 0) parts.push(`cues after: ${rule.after.join(', ')}`);
    if (rule.unless.length > 0) parts.push(`not in: ${rule.unless.join(', ')}`);
    field('ambiguous', `"${rule.alias}": ${parts.join('; ')}`);
  }
  for (const s of skill.examples?.match ?? []) field('matches', `"${s}"`);
  for (const s of skill.examples?.nomatch ?? []) field('no match', `"${s}"`);
  if (skill.at) field('defined at', where(skill.at));
  return `${out.join('\n')}\n`;
}

function list(ids: string[], chalk: ChalkInstance): string {
  return ids.length > 0 ? ids.join(', ') : chalk.dim('—');
}

function truncate(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, width - 1)}…`;
}
