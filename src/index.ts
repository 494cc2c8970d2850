/**
 * skillscan as a library: the same data the CLI prints.
 *
 *   import { loadTaxonomy, scanText } from 'skillscan';
 *   const taxonomy = loadTaxonomy();
 *   const doc = scanText('Backend engineer: Go, PostgreSQL, Kubernetes', { taxonomy });
 *   doc.skills.map((s) => s.name); // ['Go', 'PostgreSQL', 'Kubernetes']
 */
import { Scanner } from './engine.js';
import { compareDocuments } from './score/compare.js';
import type { Comparison } from './score/compareTypes.js';
import type { DocumentResult } from './score/types.js';
import { loadTaxonomy, type LoadedTaxonomy } from './taxonomy/index.js';

export { Scanner } from './engine.js';
export { Matcher, type Finding } from './match/matcher.js';
export { loadTaxonomy, type LoadedTaxonomy, type LoadTaxonomyOptions } from './taxonomy/index.js';
export { compileTaxonomy, type CompiledTaxonomy, type CompiledSkill } from './taxonomy/compile.js';
export { loadTaxonomyLayer, parseTaxonomyLayer } from './taxonomy/load.js';
export { mergeLayers } from './taxonomy/merge.js';
export { validateTaxonomy } from './taxonomy/validate.js';
export { builtinManifestPath } from './taxonomy/builtin.js';
export { extractText } from './text/extract.js';
export { decodeText } from './text/decode.js';
export { run } from './cli/run.js';
export { SkillscanError, TaxonomyError, UsageError, InputError } from './errors.js';
export { VERSION } from './version.js';
export type * from './score/types.js';
export type * from './score/compareTypes.js';
export { compareDocuments, FIT_WEIGHTS, type ScannedText } from './score/compare.js';
export { compareReporters, type CompareFormat } from './report/compareReporters.js';
export { findLevelRanges, type LevelRange } from './text/sections.js';
export { findYears } from './text/years.js';
export type { Taxonomy, Skill, Category, AmbiguousAlias } from './taxonomy/types.js';

const scanners = new WeakMap<LoadedTaxonomy, Scanner>();

/** Scans one text with the given taxonomy (default: the built-in one). */
export function scanText(text: string, options: { taxonomy?: LoadedTaxonomy; source?: string } = {}): DocumentResult {
  const taxonomy = options.taxonomy ?? loadTaxonomy();
  let scanner = scanners.get(taxonomy);
  if (!scanner) {
    scanner = new Scanner(taxonomy.compiled);
    scanners.set(taxonomy, scanner);
  }
  return scanner.scanText(text, options.source ?? '-');
}

/**
 * Compares a CV with one job ad (plain texts): fit, matched, missing (with level, years and where the
 * ad asks), extra skills and typo suggestions.
 */
export function compareText(cv: string, ad: string, options: { taxonomy?: LoadedTaxonomy; cvSource?: string; adSource?: string } = {}): Comparison {
  const taxonomy = options.taxonomy ?? loadTaxonomy();
  let scanner = scanners.get(taxonomy);
  if (!scanner) {
    scanner = new Scanner(taxonomy.compiled);
    scanners.set(taxonomy, scanner);
  }
  const cvDoc = scanner.scanText(cv, options.cvSource ?? 'cv');
  const adDoc = scanner.scanText(ad, options.adSource ?? '-');
  return compareDocuments({ doc: cvDoc, text: cv }, { doc: adDoc, text: ad }, taxonomy.compiled);
}
