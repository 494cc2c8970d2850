import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import { closest } from '../util/similar.js';

/** One labelled document: the skill ids a person marked, and the ids the scan named. */
export interface LabelledDocument {
  source: string;
  expected: readonly string[];
  /** Explicit mentions only: implied skills are not mentions. */
  found: readonly string[];
}

export interface Metrics {
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); null when nothing was found. */
  precision: number | null;
  /** tp / (tp + fn); null when nothing was expected. */
  recall: number | null;
  /** 2tp / (2tp + fp + fn); null when there is nothing to count at all. */
  f1: number | null;
}

/** Groups with their own targets (issue 3): technologies = every category but practices. */
export const EVAL_GROUPS = ['technologies', 'practices', 'all'] as const;
export type EvalGroup = (typeof EVAL_GROUPS)[number];
export const PRACTICES_CATEGORY = 'practices';
/** Category reported for a label id the taxonomy does not know. */
export const UNKNOWN_CATEGORY = '(not in taxonomy)';

export interface SkillErrors extends Metrics {
  id: string;
  name: string;
  category: string;
  /** Documents where the skill was found but not labelled. */
  falsePositives: string[];
  /** Documents where the skill was labelled but not found. */
  falseNegatives: string[];
}

export interface EvalResult {
  schemaVersion: 1;
  taxonomy: { name: string; version: string };
  /** Labelled documents evaluated. */
  documents: number;
  groups: Record<EvalGroup, Metrics>;
  categories: (Metrics & { category: string; label: string })[];
  /** Skills with the most errors (FP + FN), most first. */
  worst: SkillErrors[];
  /** Per document: what was found but not labelled (fp) and labelled but not found (fn). */
  perDocument: { source: string; fp: string[]; fn: string[] }[];
  /** Label ids the taxonomy does not know (each counts as a false negative), with a suggestion. */
  unknownLabels: { id: string; documents: string[]; suggestion?: string }[];
}

export interface EvaluateOptions {
  /** How many of the worst skills to list (default 10). */
  worst?: number;
}

/**
 * Precision, recall and F1 of a taxonomy on labelled documents, micro-averaged per group and per
 * category. Pure: the caller scans and pairs documents with labels.
 */
export function evaluate(docs: readonly LabelledDocument[], taxonomy: CompiledTaxonomy, options: EvaluateOptions = {}): EvalResult {
  const skillById = new Map(taxonomy.skills.map((s) => [s.id, s]));
  const perSkill = new Map<string, SkillErrors>();
  const skillRow = (id: string): SkillErrors => {
    let row = perSkill.get(id);
    if (!row) {
      const skill = skillById.get(id);
      row = { id, name: skill?.name ?? id, category: skill?.category ?? UNKNOWN_CATEGORY, ...metrics(0, 0, 0), falsePositives: [], falseNegatives: [] };
      perSkill.set(id, row);
    }
    return row;
  };
  const perDocument: EvalResult['perDocument'] = [];
  for (const doc of docs) {
    const expected = new Set(doc.expected);
    const found = new Set(doc.found);
    const fp: string[] = [];
    const fn: string[] = [];
    for (const id of found) {
      if (expected.has(id)) skillRow(id).tp++;
      else fp.push(id);
    }
    for (const id of expected) if (!found.has(id)) fn.push(id);
    for (const id of fp) addError(skillRow(id), 'fp', doc.source);
    for (const id of fn) addError(skillRow(id), 'fn', doc.source);
    perDocument.push({ source: doc.source, fp: fp.sort(), fn: fn.sort() });
  }
  const rows = [...perSkill.values()].map((r) => ({ ...r, ...metrics(r.tp, r.fp, r.fn) }));
  const groupOf = (category: string): EvalGroup => (category === PRACTICES_CATEGORY ? 'practices' : 'technologies');
  const groups = Object.fromEntries(EVAL_GROUPS.map((g) => [g, sum(rows.filter((r) => g === 'all' || groupOf(r.category) === g))])) as Record<EvalGroup, Metrics>;
  const categoryIds = [...taxonomy.categories.map((c) => c.id), ...(rows.some((r) => r.category === UNKNOWN_CATEGORY) ? [UNKNOWN_CATEGORY] : [])];
  const labels = new Map(taxonomy.categories.map((c) => [c.id, c.label]));
  const categories = categoryIds
    .map((id) => ({ category: id, label: labels.get(id) ?? id, ...sum(rows.filter((r) => r.category === id)) }))
    .filter((c) => c.tp + c.fp + c.fn > 0);
  const worst = rows
    .filter((r) => r.fp + r.fn > 0 && r.category !== UNKNOWN_CATEGORY) // those are listed in unknownLabels
    .sort((a, b) => b.fp + b.fn - (a.fp + a.fn) || b.fp - a.fp || (a.id < b.id ? -1 : 1))
    .slice(0, options.worst ?? 10);
  const unknownLabels = rows
    .filter((r) => r.category === UNKNOWN_CATEGORY)
    .map((r) => {
      const suggestion = suggestSkill(r.id, taxonomy);
      return { id: r.id, documents: r.falseNegatives, ...(suggestion ? { suggestion } : {}) };
    });
  return { schemaVersion: 1, taxonomy: { name: taxonomy.name, version: taxonomy.version }, documents: docs.length, groups, categories, worst, perDocument, unknownLabels };
}

/** The skill a mistaken label id probably means: one that has it as an alias ("sqs" -> amazon-sqs), else a near id. */
function suggestSkill(id: string, taxonomy: CompiledTaxonomy): string | undefined {
  const wanted = new Set([id, id.replace(/-/g, ' ')]);
  for (const p of taxonomy.patterns) {
    if (wanted.has(p.words.map((w) => taxonomy.words[w]).join(' '))) return taxonomy.skills[p.skill]!.id;
  }
  return closest(id, taxonomy.skills.map((s) => s.id), id.length > 4 ? 2 : 1);
}

function addError(row: SkillErrors, kind: 'fp' | 'fn', source: string): void {
  row[kind]++;
  (kind === 'fp' ? row.falsePositives : row.falseNegatives).push(source);
}

function sum(rows: readonly Metrics[]): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    tp += r.tp;
    fp += r.fp;
    fn += r.fn;
  }
  return metrics(tp, fp, fn);
}

/** The three ratios from the counts, rounded to 4 places so that JSON stays readable and stable. */
export function metrics(tp: number, fp: number, fn: number): Metrics {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? null : round(tp / (tp + fp)),
    recall: tp + fn === 0 ? null : round(tp / (tp + fn)),
    f1: tp + fp + fn === 0 ? null : round((2 * tp) / (2 * tp + fp + fn)),
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export type MetricName = 'precision' | 'recall' | 'f1';

/** `--min-f1 0.95` (every group with data) or `--min-f1 practices=0.95` (one group). */
export interface Threshold {
  metric: MetricName;
  min: number;
  group?: EvalGroup;
}

export interface ThresholdCheck {
  group: EvalGroup;
  metric: MetricName;
  min: number;
  actual: number | null;
  ok: boolean;
}

/** Checks thresholds; a group with nothing to measure (metric null) is not checked. */
export function checkThresholds(result: EvalResult, thresholds: readonly Threshold[]): ThresholdCheck[] {
  const checks: ThresholdCheck[] = [];
  for (const t of thresholds) {
    const groups = t.group ? [t.group] : (['technologies', 'practices'] as const);
    for (const group of groups) {
      const actual = result.groups[group][t.metric];
      if (actual === null && !t.group) continue;
      checks.push({ group, metric: t.metric, min: t.min, actual, ok: actual !== null && actual >= t.min });
    }
  }
  return checks;
}

/** What `skillscan eval` reports: the evaluation, plus how inputs and labels were paired. */
export interface EvalReport extends EvalResult {
  /** Scanned documents without labels (not evaluated). */
  unlabelled: string[];
  /** Labelled documents that were not among the inputs. */
  missing: string[];
  errors: { source: string; message: string }[];
  checks: ThresholdCheck[];
}
