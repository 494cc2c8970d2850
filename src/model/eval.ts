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

/** What `skillscan eval` reports: the evaluation, plus how inputs and labels were paired. */
export interface EvalReport extends EvalResult {
  /** Scanned documents without labels (not evaluated). */
  unlabelled: string[];
  /** Labelled documents that were not among the inputs. */
  missing: string[];
  errors: { source: string; message: string }[];
  checks: ThresholdCheck[];
}
