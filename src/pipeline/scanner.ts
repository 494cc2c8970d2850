import { Matcher, type Finding } from '../match/matcher.js';
import { buildDocument, type DocumentOptions } from '../score/document.js';
import type { DocumentResult } from '../model/result.js';
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import type { Extracted } from '../extract/extract.js';
import { findLevelRanges, levelLookup, mentionOffsets } from '../analyze/sections.js';
import { findYears } from '../analyze/years.js';

/**
 * The pure core, compiled once and used for many documents: text -> tokens -> matcher -> findings
 * -> document result. Holds reusable token buffers, so one Scanner serves one thread.
 */
export class Scanner {
  readonly matcher: Matcher;

  constructor(readonly taxonomy: CompiledTaxonomy) {
    this.matcher = new Matcher(taxonomy);
  }

  /**
   * Scans plain text; `source` is the name reported for it. Each skill gets its requirement level
   * from the text's sections (sections.ts) and the years of experience stated for it (years.ts).
   */
  scanText(text: string, source = '-', options: DocumentOptions = {}): DocumentResult {
    const cues: number[] = [];
    const findings = this.matcher.match(text, cues);
    const levelAt = options.levelAt ?? levelLookup(findings.length === 0 ? [] : findLevelRanges(text, mentionOffsets(findings), cues));
    const doc = buildDocument(source, text, findings, this.taxonomy, { ...options, levelAt });
    attachYears(doc, text, findings, this.taxonomy);
    return doc;
  }

  /** Scans an extracted input, reporting positions in the original file. */
  scanExtracted(input: Extracted, source: string): DocumentResult {
    const options: DocumentOptions = {};
    if (input.toSource) options.original = { text: input.source, toSource: input.toSource };
    return this.scanText(input.text, source, options);
  }
}

function attachYears(doc: DocumentResult, text: string, findings: Finding[], taxonomy: CompiledTaxonomy): void {
  const years = findYears(text, findings);
  if (years.size === 0) return;
  const byId = new Map<string, number>();
  for (const [i, n] of years) {
    const id = taxonomy.skills[findings[i]!.skill]!.id;
    byId.set(id, Math.max(byId.get(id) ?? 0, n));
  }
  for (const skill of doc.skills) {
    const n = skill.implied ? undefined : byId.get(skill.id);
    if (n !== undefined) skill.years = n;
  }
}
