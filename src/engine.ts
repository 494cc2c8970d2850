import { Matcher } from './match/matcher.js';
import { buildDocument, type DocumentOptions } from './score/document.js';
import type { DocumentResult } from './score/types.js';
import type { CompiledTaxonomy } from './taxonomy/compile.js';
import type { Extracted } from './text/extract.js';

/**
 * The pure core, compiled once and used for many documents: text -> tokens -> matcher -> findings
 * -> document result. Holds reusable token buffers, so one Scanner serves one thread.
 */
export class Scanner {
  readonly matcher: Matcher;

  constructor(readonly taxonomy: CompiledTaxonomy) {
    this.matcher = new Matcher(taxonomy);
  }

  /** Scans plain text; `source` is the name reported for it. */
  scanText(text: string, source = '-', options: DocumentOptions = {}): DocumentResult {
    return buildDocument(source, text, this.matcher.match(text), this.taxonomy, options);
  }

  /** Scans an extracted input, reporting positions in the original file. */
  scanExtracted(input: Extracted, source: string): DocumentResult {
    const options: DocumentOptions = {};
    if (input.toSource) options.original = { text: input.source, toSource: input.toSource };
    return this.scanText(input.text, source, options);
  }
}
