import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompiledTaxonomyFile } from '../model/compiled.js';
import { compileTaxonomy } from './compile.js';
import { loadTaxonomyLayer } from './load.js';
import { mergeLayers } from './merge.js';
import type { Taxonomy } from '../model/taxonomy.js';

/** The shipped taxonomy's manifest, relative to the package root. */
export const BUILTIN_MANIFEST = 'taxonomy/backend.yaml';
/** Build outputs: the compiled matcher data and the merged source (for merges and `taxonomy show`). */
export const COMPILED_FILE = 'taxonomy.compiled.json';
export const SOURCE_FILE = 'taxonomy.source.json';

// This module runs bundled from dist/ or unbundled from src/taxonomy/ (tests): try both layouts.
const ROOTS = ['..', '../..'].map((up) => new URL(`${up}/`, import.meta.url));

function packageFile(relative: string): string | undefined {
  for (const root of ROOTS) {
    const path = fileURLToPath(new URL(relative, root));
    if (existsSync(path)) return path;
  }
  return undefined;
}

function builtJson<T>(name: string): { path: string; value: T } | undefined {
  const path = packageFile(`dist/${name}`);
  return path ? { path, value: JSON.parse(readFileSync(path, 'utf8')) as T } : undefined;
}

/** The shipped taxonomy's source, merged and validated (from the build, else parsed from YAML). */
export function builtinTaxonomy(): Taxonomy {
  const built = builtJson<Taxonomy>(SOURCE_FILE);
  if (built) return built.value;
  return mergeLayers([loadTaxonomyLayer(builtinManifestPath())]);
}

/**
 * The shipped taxonomy compiled for matching, with the matcher tables saved from it and the file
 * they came from (report workers read that file). Read from the JSON the build wrote, because
 * parsing the YAML takes far longer than a start should; compiled from YAML only when no build is there.
 */
export function builtinCompiled(): CompiledTaxonomyFile & { path?: string } {
  const built = builtJson<CompiledTaxonomyFile>(COMPILED_FILE);
  return built ? { ...built.value, path: built.path } : { taxonomy: compileTaxonomy(builtinTaxonomy()) };
}

export function builtinManifestPath(): string {
  const path = packageFile(BUILTIN_MANIFEST);
  if (!path) throw new Error(`the built-in taxonomy (${BUILTIN_MANIFEST}) is missing from the package`);
  return path;
}
