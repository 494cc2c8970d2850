import { builtinCompiled, builtinTaxonomy } from './builtin.js';
import type { CompiledTaxonomy } from '../model/compiled.js';
import { compileTaxonomy } from './compile.js';
import { loadTaxonomyLayer } from './load.js';
import { mergeLayers } from './merge.js';
import type { Taxonomy } from '../model/taxonomy.js';

export interface LoadedTaxonomy {
  /** The merged source: categories, skills with aliases, implies and rules. */
  taxonomy: () => Taxonomy;
  /** The matcher data. */
  compiled: CompiledTaxonomy;
  /** The matcher tables the build saved with the shipped taxonomy (absent for user taxonomies). */
  matchIndex?: string;
  /** The build's file holding `compiled` and `matchIndex` (CompiledTaxonomyFile), when they came from one. */
  compiledFile?: string;
}

export interface LoadTaxonomyOptions {
  /** Extra taxonomy files merged over the base, in order (add skills, replace by id). */
  files?: string[];
  /** Leave out the built-in taxonomy: the first file must then be complete. */
  noBuiltin?: boolean;
}

/** The built-in taxonomy, optionally extended by user files; validated and compiled. */
export function loadTaxonomy(options: LoadTaxonomyOptions = {}): LoadedTaxonomy {
  const files = options.files ?? [];
  if (files.length === 0 && !options.noBuiltin) {
    let source: Taxonomy | undefined;
    const built = builtinCompiled();
    return {
      taxonomy: () => (source ??= builtinTaxonomy()),
      compiled: built.taxonomy,
      ...(built.matchIndex !== undefined ? { matchIndex: built.matchIndex } : {}),
      ...(built.path !== undefined ? { compiledFile: built.path } : {}),
    };
  }
  const layers = files.map((f) => loadTaxonomyLayer(f));
  const base = options.noBuiltin ? [] : [builtinTaxonomy()];
  const taxonomy = mergeLayers([...base, ...layers]);
  return { taxonomy: () => taxonomy, compiled: compileTaxonomy(taxonomy) };
}
