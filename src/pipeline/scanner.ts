import { findLevelRanges, levelCues, levelLookup, mentionOffsets, type LevelCues } from '../analyze/sections.js';
import { findYears } from '../analyze/years.js';
import type { Extracted } from '../extract/extract.js';
import { Matcher, type Finding } from '../match/matcher.js';
import type { CompiledTaxonomy } from '../model/compiled.js';
import type { DocumentResult, Level } from '../model/result.js';
import { buildDocument, type DocumentOptions } from '../score/document.js';

/** What the pipeline reads from one text: the skills' mentions and, when asked, each one's level. */
export interface TextAnalysis {
  findings: Finding[];
  /** The requirement level at an offset; absent when levels were not asked for or nothing was found. */
  levelAt?: (offset: number) => Level;
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
    return { findings, levelAt: levelLookup(findLevelRanges(text, mentionOffsets(findings), cues, this.cues)) };
  }

  /**
   * Scans plain text; `source` is the name reported for it. Each skill gets its requirement level
   * and the years of experience stated for it (analyze/years.ts).
   */
  scanText(text: string, source = '-', options: DocumentOptions = {}): DocumentResult {
    const { findings, levelAt } = this.analyze(text);
    const doc = buildDocument(source, text, findings, this.taxonomy, { ...options, ...(levelAt ? { levelAt } : {}) });
    attachYears(doc, text, findings, this.taxonomy, levelAt);
    return doc;
  }

  /** Scans an extracted input, reporting positions in the original file. */
  scanExtracted(input: Extracted, source: string): DocumentResult {
    const options: DocumentOptions = {};
    if (input.toSource) options.original = { text: input.source, toSource: input.toSource };
    return this.scanText(input.text, source, options);
  }
}

/**
 * The years each skill is asked for: the largest figure, and a figure stated where the skill is
 * required wins over one stated where it is only preferred ("1 year of AWS" required, "2+ years of
 * AWS" under Preferred qualifications: 1).
 */
function attachYears(doc: DocumentResult, text: string, findings: Finding[], taxonomy: CompiledTaxonomy, levelAt?: (offset: number) => Level): void {
  const years = findYears(text, findings);
  if (years.size === 0) return;
  const byId = new Map<string, number>();
  const required = new Set<string>();
  for (const [i, n] of years) {
    const id = taxonomy.skills[findings[i]!.skill]!.id;
    const isRequired = (levelAt?.(findings[i]!.start) ?? 'required') === 'required';
    if (isRequired && !required.has(id)) {
      required.add(id);
      byId.set(id, n);
    } else if (isRequired || !required.has(id)) byId.set(id, Math.max(byId.get(id) ?? 0, n));
  }
  for (const skill of doc.skills) {
    const n = skill.implied ? undefined : byId.get(skill.id);
    if (n !== undefined) skill.years = n;
  }
}
