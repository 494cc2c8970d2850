import type { Finding } from '../match/matcher.js';
import type { CompiledTaxonomy } from '../model/compiled.js';
import { IMPLIED_WEIGHT } from './score.js';
import type { Level, SkillLevel } from '../model/result.js';

/** Highest score + 1: scores are kept per point, so the median and mean merge exactly. */
export const SCORE_SLOTS = 101;

/** One document reduced to what `report` counts: named skills (ascending index), mentions, levels, implied, score. */
export interface DocumentTally {
  named: number[];
  mentions: number[];
  levels: (Level | undefined)[];
  implied: number[];
  score: number;
}

/**
 * Counts over many documents, in typed arrays indexed by the compiled taxonomy's skill and
 * category order. No text is kept: memory is fixed by the taxonomy's size, not by the corpus.
 * Counts are sums, so aggregates made on any split of the documents merge to the same numbers.
 */
export class Aggregate {
  documents = 0;
  readonly skillDocuments: Uint32Array;
  readonly mentions: Float64Array;
  /** Documents where the skill is only implied (Django named, Python not). */
  readonly impliedDocuments: Uint32Array;
  readonly required: Uint32Array;
  readonly preferred: Uint32Array;
  readonly categoryDocuments: Uint32Array;
  /** Documents naming both skills i < j, at i * skills + j. */
  readonly pairs: Uint32Array;
  readonly scores: Uint32Array;
  readonly skillCount: number;
  private readonly categoryStamp: Float64Array;

  constructor(readonly taxonomy: CompiledTaxonomy) {
    const n = taxonomy.skills.length;
    this.skillCount = n;
    this.skillDocuments = new Uint32Array(n);
    this.mentions = new Float64Array(n);
    this.impliedDocuments = new Uint32Array(n);
    this.required = new Uint32Array(n);
    this.preferred = new Uint32Array(n);
    this.categoryDocuments = new Uint32Array(taxonomy.categories.length);
    this.pairs = new Uint32Array(n * n);
    this.scores = new Uint32Array(SCORE_SLOTS);
    this.categoryStamp = new Float64Array(taxonomy.categories.length);
  }

  add(doc: DocumentTally): void {
    const n = this.skillCount;
    this.documents++;
    this.scores[Math.max(0, Math.min(100, Math.round(doc.score)))]!++;
    const { named } = doc;
    for (let k = 0; k < named.length; k++) {
      const s = named[k]!;
      this.skillDocuments[s]!++;
      this.mentions[s]! += doc.mentions[k]!;
      const level = doc.levels[k];
      if (level === 'required') this.required[s]!++;
      else if (level === 'preferred') this.preferred[s]!++;
      const c = this.taxonomy.skills[s]!.categoryIndex;
      if (this.categoryStamp[c] !== this.documents) {
        this.categoryStamp[c] = this.documents; // first skill of this category in this document
        this.categoryDocuments[c]!++;
      }
      for (let m = k + 1; m < named.length; m++) this.pairs[s * n + named[m]!]!++;
    }
    for (const s of doc.implied) this.impliedDocuments[s]!++;
  }

  /** Adds another aggregate over the same taxonomy (from a worker, or a part of the corpus). */
  merge(other: AggregateCounts): void {
    this.documents += other.documents;
    addInto(this.skillDocuments, other.skillDocuments);
    addInto(this.mentions, other.mentions);
    addInto(this.impliedDocuments, other.impliedDocuments);
    addInto(this.required, other.required);
    addInto(this.preferred, other.preferred);
    addInto(this.categoryDocuments, other.categoryDocuments);
    addInto(this.pairs, other.pairs);
    addInto(this.scores, other.scores);
  }

  /** Plain data for postMessage (typed arrays survive structured clone). */
  counts(): AggregateCounts {
    const { documents, skillDocuments, mentions, impliedDocuments, required, preferred, categoryDocuments, pairs, scores } = this;
    return { documents, skillDocuments, mentions, impliedDocuments, required, preferred, categoryDocuments, pairs, scores };
  }
}

export type AggregateCounts = Pick<
  Aggregate,
  'documents' | 'skillDocuments' | 'mentions' | 'impliedDocuments' | 'required' | 'preferred' | 'categoryDocuments' | 'pairs' | 'scores'
>;

const LEVEL_OF_STATE: Record<number, Level | undefined> = { [-1]: undefined, 0: undefined, 1: 'preferred', 2: 'required' };

function addInto(target: Uint32Array | Float64Array, source: ArrayLike<number>): void {
  for (let i = 0; i < target.length; i++) target[i]! += source[i]!;
}

/**
 * Reduces a document's matcher findings to a tally without building a full document result (no
 * line/column, no snippets): mentions per skill, implied skills, and the same score `scan` gives
 * (see score.ts; a test holds the two equal). Scratch arrays are reused: one Tallier per thread.
 */
export class Tallier {
  private readonly counts: Int32Array;
  // Per skill: 0 nothing yet, -1 only mentions without a level, 1 only preferred ones, 2 a mix or a
  // required one (scan's rule: preferred only when every mention is preferred).
  private readonly levelState: Int8Array;
  private readonly implied: Uint8Array;
  private readonly namedIn: Float64Array;
  private readonly impliedIn: Float64Array;
  private readonly weights: number;

  constructor(readonly taxonomy: CompiledTaxonomy) {
    const n = taxonomy.skills.length;
    this.counts = new Int32Array(n);
    this.levelState = new Int8Array(n);
    this.implied = new Uint8Array(n);
    this.namedIn = new Float64Array(taxonomy.categories.length);
    this.impliedIn = new Float64Array(taxonomy.categories.length);
    this.weights = taxonomy.categories.reduce((sum, c) => sum + c.weight, 0);
  }

  tally(findings: Finding[], levelAt?: (offset: number) => SkillLevel | undefined): DocumentTally {
    const { counts, levelState, implied, namedIn, impliedIn } = this;
    const skills = this.taxonomy.skills;
    const named: number[] = [];
    for (const f of findings) {
      if (counts[f.skill]!++ === 0) named.push(f.skill);
      // A mention the ad says is not used counts as one without a level (the report's `unknown`).
      if (levelAt) levelState[f.skill] = nextLevelState(levelState[f.skill]!, asked(levelAt(f.start)));
    }
    named.sort((a, b) => a - b);
    const impliedList: number[] = [];
    for (const s of named) {
      for (const t of skills[s]!.implies) {
        if (counts[t] === 0 && implied[t] === 0) {
          implied[t] = 1;
          impliedList.push(t);
        }
      }
    }
    namedIn.fill(0);
    impliedIn.fill(0);
    for (const s of named) namedIn[skills[s]!.categoryIndex]!++;
    for (const s of impliedList) impliedIn[skills[s]!.categoryIndex]!++;
    let weighted = 0;
    this.taxonomy.categories.forEach((c, i) => {
      weighted += c.weight * Math.min(1, (namedIn[i]! + IMPLIED_WEIGHT * impliedIn[i]!) / c.target);
    });
    const score = this.weights === 0 ? 0 : Math.round((100 * weighted) / this.weights);
    const tally: DocumentTally = {
      named,
      mentions: named.map((s) => counts[s]!),
      levels: named.map((s) => LEVEL_OF_STATE[levelState[s]!]),
      implied: impliedList.sort((a, b) => a - b),
      score,
    };
    for (const s of named) {
      counts[s] = 0;
      levelState[s] = 0;
    }
    for (const s of impliedList) implied[s] = 0;
    return tally;
  }
}

const asked = (level: SkillLevel | undefined): Level | undefined => (level === 'excluded' ? undefined : level);

function nextLevelState(state: number, level: Level | undefined): number {
  if (level === undefined) return state <= 0 ? -1 : 2;
  if (level === 'preferred') return state === 0 ? 1 : state === -1 ? 2 : state;
  return 2;
}
