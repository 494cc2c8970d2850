/**
 * skillscan as a library: the same data the CLI prints.
 *
 *   import { loadTaxonomy, scanText, scanFiles, formatScan } from 'skillscan';
 *   const taxonomy = loadTaxonomy();                       // or loadTaxonomy({ files: ['acme.yaml'] })
 *   const doc = scanText('Backend engineer: Go, PostgreSQL, Kubernetes', { taxonomy });
 *   doc.skills.map((s) => s.name);                         // ['Go', 'PostgreSQL', 'Kubernetes']
 *   const result = await scanFiles(['ads/'], { taxonomy }); // = `skillscan scan ads/ -f json`
 *   formatScan(result, 'markdown');                        // = `skillscan scan ads/ -f markdown`
 *
 *   compareText(cvText, adText, { taxonomy });             // = one comparison of `skillscan compare`
 *   await compare('cv.pdf', ['ads/'], { taxonomy });       // = `skillscan compare --cv cv.pdf ads/ -f json`
 *   await report(['ads.jsonl'], { jsonl: true });            // = `skillscan report --jsonl ads.jsonl -f json`
 */
import { compareDocuments } from './score/compare.js';
import type { Comparison } from './model/compare.js';
import type { DocumentResult } from './model/result.js';
import { defaultTaxonomy, scannerFor } from './api/scan.js';
import { withoutSkills } from './score/ignore.js';
import type { LoadedTaxonomy } from './taxonomy/index.js';

export { Scanner } from './pipeline/scanner.js';
export { Matcher, type Finding } from './match/matcher.js';
export { loadTaxonomy, type LoadedTaxonomy, type LoadTaxonomyOptions } from './taxonomy/index.js';
export { compileTaxonomy, type CompiledTaxonomy, type CompiledSkill } from './taxonomy/compile.js';
export { loadTaxonomyLayer, parseTaxonomyLayer } from './taxonomy/load.js';
export { mergeLayers } from './taxonomy/merge.js';
export { validateTaxonomy } from './taxonomy/validate.js';
export { builtinManifestPath } from './taxonomy/builtin.js';
export { extractText } from './extract/extract.js';
export { decodeText } from './extract/decode.js';
export { run } from './cli/program.js';
export { SkillscanError, TaxonomyError, UsageError, InputError } from './model/errors.js';
export { VERSION } from './model/version.js';
export { scanFiles, type ScanFilesOptions } from './api/scan.js';
export { compareFiles as compare, type CompareFilesOptions } from './api/compare.js';
export { reportFiles as report, type ReportFilesOptions } from './api/report.js';
export { formatScan } from './api/format.js';
export { scanReporters, evalReporters, type ScanFormat, type EvalFormat, type ReportOptions } from './report/index.js';
export { withoutSkills } from './score/ignore.js';
export { evaluate, checkThresholds, metrics, type EvalResult, type EvalReport, type LabelledDocument, type Metrics, type Threshold, type ThresholdCheck, type EvalGroup } from './score/evaluate.js';
export { parseLabels, pairLabels, type Labels } from './score/labels.js';
export { checkTaxonomyFile, type CheckResult } from './api/taxonomyCheck.js';
export { findSkill, describeSkill, type SkillDetails } from './taxonomy/lookup.js';
export { jsonSchema, SCHEMA_KINDS, type SchemaKind } from './api/schema.js';
export { findConfig, loadConfig, type SkillscanConfig } from './api/config.js';
export type * from './model/result.js';
export type * from './model/compare.js';
export { compareDocuments, FIT_WEIGHTS, type ScannedText } from './score/compare.js';
export { compareReporters, type CompareFormat } from './report/compareReporters.js';
export { findLevelRanges, type LevelRange } from './analyze/sections.js';
export { findYears } from './analyze/years.js';
export type { Taxonomy, Skill, Category, AmbiguousAlias } from './model/taxonomy.js';

/**
 * Scans one text with the given taxonomy (default: the built-in one) and returns the document object
 * the CLI prints in JSON. `ignore` leaves skills out of the results and the score.
 */
export function scanText(text: string, options: { taxonomy?: LoadedTaxonomy; source?: string; ignore?: readonly string[] } = {}): DocumentResult {
  const taxonomy = options.taxonomy ?? defaultTaxonomy();
  const doc = scannerFor(taxonomy).scanText(text, options.source ?? '-');
  return withoutSkills(doc, new Set(options.ignore ?? []), taxonomy.compiled);
}

/**
 * Compares a CV with one job ad (plain texts): fit, matched, missing (with level, years and where the
 * ad asks), extra skills and typo suggestions.
 */
export function compareText(cv: string, ad: string, options: { taxonomy?: LoadedTaxonomy; cvSource?: string; adSource?: string } = {}): Comparison {
  const taxonomy = options.taxonomy ?? defaultTaxonomy();
  const scanner = scannerFor(taxonomy);
  const cvDoc = scanner.scanText(cv, options.cvSource ?? 'cv');
  const adDoc = scanner.scanText(ad, options.adSource ?? '-');
  return compareDocuments({ doc: cvDoc, text: cv }, { doc: adDoc, text: ad }, taxonomy.compiled);
}
