import type { CompiledTaxonomy } from '../model/compiled.js';
import {
  EVAL_GROUPS,
  PRACTICES_CATEGORY,
  UNKNOWN_CATEGORY,
  type EvalGroup,
  type EvalResult,
  type LabelledDocument,
  type Metrics,
  type SkillErrors,
  type Threshold,
  type ThresholdCheck,
} from '../model/eval.js';
import { closest } from '../util/similar.js';

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
  const groups = Object.fromEntries(EVAL_GROUPS.map((g) => [g, sum(rows.filter((r) => g === 'all' || groupOf(r.category) === g))])) as Record<
    EvalGroup,
    Metrics
  >;
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
  return {
    schemaVersion: 1,
    taxonomy: { name: taxonomy.name, version: taxonomy.version },
    documents: docs.length,
    groups,
    categories,
    worst,
    perDocument,
    unknownLabels,
  };
}

/** The skill a mistaken label id probably means: one that has it as an alias ("sqs" -> amazon-sqs), else a near id. */
function suggestSkill(id: string, taxonomy: CompiledTaxonomy): string | undefined {
  const wanted = new Set([id, id.replace(/-/g, ' ')]);
  for (const p of taxonomy.patterns) {
    if (wanted.has(p.words.map((w) => taxonomy.words[w]).join(' '))) return taxonomy.skills[p.skill]!.id;
  }
  return closest(
    id,
    taxonomy.skills.map((s) => s.id),
    id.length > 4 ? 2 : 1,
  );
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
