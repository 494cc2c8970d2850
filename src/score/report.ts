import type { CompiledTaxonomy } from '../model/compiled.js';
import { Aggregate, SCORE_SLOTS, type AggregateCounts } from './aggregate.js';
import type { RawCounts, ReportPair, ReportResult, ReportSkill, ScoreSummary } from '../model/report.js';
import type { InputFailure } from '../model/result.js';

export interface ReportOptions {
  /** Skills and pairs listed, most named first; 0 = all. */
  top: number;
  /** Limit skills, pairs and levels to these category ids (empty = all). */
  categories: string[];
  errors: InputFailure[];
}

const share = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n / of) * 10000) / 10000);
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The report of an aggregate. Every list is in a total order, so equal counts give equal reports. */
export function buildReport(counts: AggregateCounts, taxonomy: CompiledTaxonomy, options: ReportOptions): ReportResult {
  const total = counts.documents;
  const wanted = options.categories.length > 0 ? new Set(options.categories) : undefined;
  const inFilter = (s: number): boolean => !wanted || wanted.has(taxonomy.skills[s]!.category);
  const limit = <T>(list: T[]): T[] => (options.top > 0 ? list.slice(0, options.top) : list);

  const named: ReportSkill[] = [];
  const levels = { required: 0, preferred: 0, unknown: 0 };
  taxonomy.skills.forEach((skill, s) => {
    const documents = counts.skillDocuments[s]!;
    if (documents === 0 || !inFilter(s)) return;
    const split = { required: counts.required[s]!, preferred: counts.preferred[s]!, unknown: documents - counts.required[s]! - counts.preferred[s]! };
    levels.required += split.required;
    levels.preferred += split.preferred;
    levels.unknown += split.unknown;
    named.push({
      id: skill.id,
      name: skill.name,
      category: skill.category,
      documents,
      share: share(documents, total),
      mentions: counts.mentions[s]!,
      implied: counts.impliedDocuments[s]!,
      levels: split,
    });
  });
  named.sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || byId(a.id, b.id));

  const categories = taxonomy.categories
    .map((c, i) => ({ id: c.id, label: c.label, documents: counts.categoryDocuments[i]!, share: share(counts.categoryDocuments[i]!, total) }))
    .filter((c) => !wanted || wanted.has(c.id));

  const report: ReportResult = {
    schemaVersion: 1,
    taxonomy: { name: taxonomy.name, version: taxonomy.version },
    documents: total,
    skillsNamed: named.length,
    skills: limit(named),
    categories,
    pairs: limit(topPairs(counts, taxonomy, inFilter, total, options.top)),
    scores: scoreSummary(counts.scores, total),
    levels,
    errors: options.errors,
    raw: rawCounts(counts, taxonomy),
  };
  if (wanted) report.categoryFilter = [...options.categories];
  return report;
}

function topPairs(counts: AggregateCounts, taxonomy: CompiledTaxonomy, inFilter: (s: number) => boolean, total: number, top: number): ReportPair[] {
  const n = taxonomy.skills.length;
  const rows = taxonomy.skills.map((_, i) => i).filter((i) => counts.skillDocuments[i] !== 0 && inFilter(i));
  // Only the first `top` are listed, and none of them is named less often than the top-th most named
  // pair: objects for the tens of thousands below that floor would be built and sorted for nothing.
  // The floor comes from the counts alone, sorted natively (this runs once per report, on the
  // critical path after the workers finish, before V8 has optimised any of it).
  let floor = 1;
  if (top > 0) {
    let named: Uint32Array = new Uint32Array(1024);
    let m = 0;
    for (const i of rows) {
      for (let j = i + 1; j < n; j++) {
        const documents = counts.pairs[i * n + j]!;
        if (documents === 0 || !inFilter(j)) continue;
        if (m === named.length) named = growU32(named);
        named[m++] = documents;
      }
    }
    if (m > top) floor = named.subarray(0, m).sort()[m - top]!;
  }
  const pairs: ReportPair[] = [];
  for (const i of rows) {
    for (let j = i + 1; j < n; j++) {
      const documents = counts.pairs[i * n + j]!;
      if (documents < floor || !inFilter(j)) continue;
      const a = taxonomy.skills[i]!;
      const b = taxonomy.skills[j]!;
      pairs.push({ skills: [a.id, b.id], names: [a.name, b.name], documents, share: share(documents, total) });
    }
  }
  return pairs.sort((p, q) => q.documents - p.documents || byId(p.skills[0], q.skills[0]) || byId(p.skills[1], q.skills[1]));
}

function growU32(values: Uint32Array): Uint32Array {
  const next = new Uint32Array(values.length * 2);
  next.set(values);
  return next;
}

/** Mean and median from per-point counts, so they are exact after a merge. */
export function scoreSummary(scores: ArrayLike<number>, total: number): ScoreSummary {
  const histogram = Array.from({ length: 10 }, (_, b) => ({ from: b * 10, to: b === 9 ? 100 : b * 10 + 9, documents: 0 }));
  let sum = 0;
  let min = -1;
  let max = -1;
  for (let s = 0; s < SCORE_SLOTS; s++) {
    const n = scores[s]!;
    if (n === 0) continue;
    histogram[Math.min(9, Math.floor(s / 10))]!.documents += n;
    sum += s * n;
    if (min < 0) min = s;
    max = s;
  }
  const median = total === 0 ? 0 : (nthScore(scores, Math.floor((total - 1) / 2)) + nthScore(scores, Math.floor(total / 2))) / 2;
  return { mean: total === 0 ? 0 : Math.round((sum / total) * 10) / 10, median, min: Math.max(0, min), max: Math.max(0, max), histogram };
}

function nthScore(scores: ArrayLike<number>, k: number): number {
  let seen = 0;
  for (let s = 0; s < SCORE_SLOTS; s++) {
    seen += scores[s]!;
    if (seen > k) return s;
  }
  return 0;
}

/** The aggregate keyed by id, with every pair: what `report --merge` reads back. */
export function rawCounts(counts: AggregateCounts, taxonomy: CompiledTaxonomy): RawCounts {
  const n = taxonomy.skills.length;
  const skills: RawCounts['skills'] = {};
  const order = taxonomy.skills.map((_, i) => i).sort((a, b) => byId(taxonomy.skills[a]!.id, taxonomy.skills[b]!.id));
  for (const s of order) {
    const documents = counts.skillDocuments[s]!;
    const implied = counts.impliedDocuments[s]!;
    if (documents === 0 && implied === 0) continue;
    skills[taxonomy.skills[s]!.id] = { documents, mentions: counts.mentions[s]!, implied, required: counts.required[s]!, preferred: counts.preferred[s]! };
  }
  const categories: RawCounts['categories'] = {};
  for (const [i, c] of taxonomy.categories.entries()) categories[c.id] = counts.categoryDocuments[i]!;
  // Pairs in id order without sorting ~70,000 string pairs: rows in id order, each row's partners
  // (those after it in the taxonomy, where the pair is counted) in id order too.
  const pairs: RawCounts['pairs'] = [];
  const active = order.filter((s) => counts.skillDocuments[s] !== 0); // a pair's skills are both named
  for (const i of active) {
    const row = i * n;
    for (const j of active) if (j > i && counts.pairs[row + j]! > 0) pairs.push([taxonomy.skills[i]!.id, taxonomy.skills[j]!.id, counts.pairs[row + j]!]);
  }
  return { skills, categories, pairs, scores: Array.from(counts.scores) };
}

/** Reads raw counts back into an aggregate; throws a message for ids the taxonomy does not know. */
export function aggregateFromRaw(raw: RawCounts, documents: number, taxonomy: CompiledTaxonomy): Aggregate {
  const aggregate = new Aggregate(taxonomy);
  const n = taxonomy.skills.length;
  const index = new Map(taxonomy.skills.map((s, i) => [s.id, i]));
  const skillIndex = (id: string): number => {
    const s = index.get(id);
    if (s === undefined) throw new Error(`skill "${id}" is not in the taxonomy (was the report made with another --taxonomy?)`);
    return s;
  };
  aggregate.documents = documents;
  for (const [id, c] of Object.entries(raw.skills)) {
    const s = skillIndex(id);
    aggregate.skillDocuments[s] = c.documents;
    aggregate.mentions[s] = c.mentions;
    aggregate.impliedDocuments[s] = c.implied;
    aggregate.required[s] = c.required;
    aggregate.preferred[s] = c.preferred;
  }
  const categoryIndex = new Map(taxonomy.categories.map((c, i) => [c.id, i]));
  for (const [id, n] of Object.entries(raw.categories)) {
    const c = categoryIndex.get(id);
    if (c === undefined) throw new Error(`category "${id}" is not in the taxonomy`);
    aggregate.categoryDocuments[c] = n;
  }
  for (const [a, b, count] of raw.pairs) {
    const i = skillIndex(a);
    const j = skillIndex(b);
    aggregate.pairs[Math.min(i, j) * n + Math.max(i, j)] = count;
  }
  for (const [s, count] of raw.scores.entries()) aggregate.scores[s] = count;
  return aggregate;
}
