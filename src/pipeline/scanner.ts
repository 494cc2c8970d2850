import { cueLookup, findExclusions, findLevelRanges, levelCues, levelLookup, mentionOffsets, type LevelCues, type LevelRange } from '../analyze/sections.js';
import { findYears } from '../analyze/years.js';
import type { Extracted } from '../extract/extract.js';
import { Matcher, type Finding } from '../match/matcher.js';
import type { CompiledTaxonomy } from '../model/compiled.js';
import type { DocumentResult, SkillLevel } from '../model/result.js';
import { buildDocument, type DocumentOptions } from '../score/document.js';

/** What the pipeline reads from one text: the skills' mentions and, when asked, each one's level. */
export interface TextAnalysis {
  findings: Finding[];
  /** The requirement level at an offset; absent when levels were not asked for or nothing was found. */
  levelAt?: (offset: number) => SkillLevel;
  /** The preferred parts of the text, with the cue of each. */
  ranges?: LevelRange[];
}

/**
 * The one path from text to results, compiled once and used for many documents:
 * text -> tokens -> findings -> levels (-> years -> document). `scan`, `compare` and `eval` build a
 * document from it; `report` (parallel/core.ts) counts its analysis. Holds reusable token buffers,
 * so one Scanner serves one thread.
 */
export class Scanner {
  readonly matcher: Matcher;
  private readonly cues: LevelCues;

  /** `savedIndex`: the matcher tables the build saved with the shipped taxonomy (CompiledTaxonomyFile). */
  constructor(
    readonly taxonomy: CompiledTaxonomy,
    savedIndex?: string,
  ) {
    // The tokenizer notes where the level analysis's cue words occur, so it reads only those lines.
    this.matcher = new Matcher(taxonomy, { cues: taxonomy.cues.words, savedIndex });
    this.cues = levelCues(taxonomy.cues);
  }

  /** Findings and, with `levels` (default), the ad's required and preferred parts (analyze/sections.ts). */
  analyze(text: string, levels = true): TextAnalysis {
    const cues: number[] | undefined = levels ? [] : undefined;
    const findings = this.matcher.match(text, cues);
    if (!levels || findings.length === 0) return { findings };
    const mentions = mentionOffsets(findings);
    const ranges = findLevelRanges(text, mentions, cues, this.cues);
    for (const r of findExclusions(text, mentions, this.cues)) ranges.push(r);
    return { findings, levelAt: levelLookup(ranges), ranges };
  }

  /**
   * Scans plain text; `source` is the name reported for it. Each skill gets its requirement level
   * and the years of experience stated for it (analyze/years.ts).
   */
  scanText(text: string, source = '-', options: DocumentOptions = {}): DocumentResult {
    const { findings, levelAt, ranges } = this.analyze(text);
    const phrases = new Map<number, { start: number; text: string }>();
    const figures = findings.length > 0 ? findYears(text, findings, undefined, phrases) : new Map<number, number>();
    const years = new Map([...figures].map(([i, n]) => [i, { years: n, ...phrases.get(i)! }]));
    return buildDocument(source, text, findings, this.taxonomy, {
      ...options,
      ...(levelAt ? { levelAt } : {}),
      ...(ranges && ranges.length > 0 ? { cueAt: cueLookup(ranges) } : {}),
      ...(years.size > 0 ? { years } : {}),
    });
  }

  /** Scans an extracted input, reporting positions in the original file. */
  scanExtracted(input: Extracted, source: string): DocumentResult {
    const options: DocumentOptions = {};
    if (input.toSource) options.original = { text: input.source, toSource: input.toSource };
    return this.scanText(input.text, source, options);
  }
}
