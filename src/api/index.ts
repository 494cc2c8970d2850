/**
 * skillscan as a library: the same data the CLI prints (the CLI is built on these functions).
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
 *   await report(['ads.jsonl'], { jsonl: true });          // = `skillscan report --jsonl ads.jsonl -f json`
 */
export { scanFiles, scanText, type ScanFilesOptions } from './scan.js';
export { scanJsonl, type ScanJsonlOptions } from './scanJsonl.js';
export { compareFiles as compare, compareText, type CompareFilesOptions } from './compare.js';
export { reportFiles as report, type ReportFilesOptions } from './report.js';
export { evaluateFiles, type EvaluateFilesOptions } from './eval.js';
export { formatScan } from './format.js';
export { jsonSchema, SCHEMA_KINDS, type SchemaKind } from './schema.js';
export { findConfig, loadConfig, type SkillscanConfig } from './config.js';
export { loadTaxonomy, checkTaxonomyFile, type LoadedTaxonomy, type LoadTaxonomyOptions, type CheckResult } from './taxonomy.js';

// The layers below, for callers who build their own pipeline.
export { Scanner } from '../pipeline/scanner.js';
export { Matcher, type Finding } from '../match/matcher.js';
export { compileTaxonomy } from '../taxonomy/compile.js';
export { loadTaxonomyLayer, parseTaxonomyLayer } from '../taxonomy/load.js';
export { mergeLayers } from '../taxonomy/merge.js';
export { validateTaxonomy } from '../taxonomy/validate.js';
export { builtinManifestPath } from '../taxonomy/builtin.js';
export { findSkill, describeSkill, type SkillDetails } from '../taxonomy/lookup.js';
export { extractText } from '../extract/extract.js';
export { decodeText } from '../extract/decode.js';
export { findLevelRanges, type LevelRange } from '../analyze/sections.js';
export { findYears } from '../analyze/years.js';
export { withoutSkills } from '../score/ignore.js';
export { evaluate, checkThresholds, metrics } from '../score/evaluate.js';
export { parseLabels, pairLabels, type Labels } from '../score/labels.js';
export { compareDocuments, FIT_WEIGHTS, type ScannedText } from '../score/compare.js';
export { scanReporters, evalReporters, reportReporters, type ScanFormat, type EvalFormat, type ReportFormat, type ReportOptions } from '../report/index.js';
export { compareReporters, type CompareFormat } from '../report/compareReporters.js';

export { SkillscanError, TaxonomyError, UsageError, InputError } from '../model/errors.js';
export { VERSION } from '../model/version.js';
export type * from '../model/result.js';
export type * from '../model/compare.js';
export type * from '../model/report.js';
export type * from '../model/eval.js';
export type { CompiledTaxonomy, CompiledSkill, CompiledTaxonomyFile } from '../model/compiled.js';
export type { Taxonomy, Skill, Category, AmbiguousAlias } from '../model/taxonomy.js';
