import { TaxonomyError } from '../model/errors.js';
import { where } from './load.js';
import type { ContextCues, Taxonomy, TaxonomyLayer } from '../model/taxonomy.js';
import { validateTaxonomy } from './validate.js';

const DEFAULT_CONTEXT: ContextCues = { before: [], after: [], window: 6 };

/**
 * Merges layers in order: the first must be complete (name, version, categories); each later one adds
 * skills and categories or replaces them by id. The result is validated as a whole.
 */
export function mergeLayers(layers: TaxonomyLayer[]): Taxonomy {
  const problems: string[] = [];
  const [base, ...rest] = layers;
  if (!base) throw new TaxonomyError(['<taxonomy>: no taxonomy given']);
  if (base.name === undefined) problems.push(`${base.files[0]}:1:1: name is required`);
  if (base.version === undefined) problems.push(`${base.files[0]}:1:1: version is required`);
  if (base.categories.length === 0) problems.push(`${base.files[0]}:1:1: categories are required (at least one)`);

  const categories = new Map(base.categories.map((c) => [c.id, c]));
  const skills = new Map<string, TaxonomyLayer['skills'][number]>();
  const context: ContextCues = { ...DEFAULT_CONTEXT, ...base.context };
  let name = base.name ?? 'taxonomy';
  let version = base.version ?? '0';
  const files = [...base.files];
  const cues = [...base.cues];

  for (const layer of layers) {
    const seen = new Map<string, string>();
    for (const skill of layer.skills) {
      const first = seen.get(skill.id);
      if (first !== undefined) problems.push(`${where(skill.at)}: duplicate skill id "${skill.id}" (first at ${first})`);
      seen.set(skill.id, where(skill.at));
    }
  }
  for (const skill of base.skills) skills.set(skill.id, skill);
  for (const layer of rest) {
    // A user layer names itself; the merged taxonomy is reported as "base+user".
    if (layer.name !== undefined) name = `${name}+${layer.name}`;
    if (layer.version !== undefined) version = `${version}+${layer.version}`;
    for (const category of layer.categories) categories.set(category.id, category);
    if (layer.context) {
      context.before = [...context.before, ...(layer.context.before ?? [])];
      context.after = [...context.after, ...(layer.context.after ?? [])];
      if (layer.context.window !== undefined) context.window = layer.context.window;
    }
    for (const skill of layer.skills) skills.set(skill.id, skill);
    cues.push(...layer.cues);
    files.push(...layer.files);
  }
  if (problems.length > 0) throw new TaxonomyError(problems);

  const taxonomy: Taxonomy = { name, version, categories: [...categories.values()], context, cues, skills: [...skills.values()], files };
  validateTaxonomy(taxonomy);
  return taxonomy;
}
