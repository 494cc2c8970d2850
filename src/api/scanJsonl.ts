import { describeReadError, parseJsonlChunk, sourceLineChunks } from '../input/jsonl.js';
import { resolveInputs } from '../input/sources.js';
import type { DocumentResult, ScanResult } from '../model/result.js';
import type { LoadedTaxonomy } from '../taxonomy/index.js';
import { defaultTaxonomy, emptyScanResult, scanDocument } from './scan.js';

export interface ScanJsonlOptions {
  taxonomy?: LoadedTaxonomy;
  /** Folder relative inputs are resolved against (default: the working directory). */
  cwd?: string;
  /** Read when an input is `-`. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Skill ids left out of the results (and the score). */
  ignore?: readonly string[];
  /**
   * Called with each chunk's documents as soon as they are scanned (a mapper: memory stays flat and
   * output starts at once); they are then not kept in the result. Awaited, so a slow writer slows
   * the reading down.
   */
  onDocuments?: (documents: DocumentResult[]) => Promise<void> | void;
}

/**
 * `scan --jsonl`: every line of every input (`.gz` read directly) is an ad. Each ad's source is its
 * `id`, else `file:LINE`; a bad line is an error of its own and the others are still scanned.
 */
export async function scanJsonl(inputs: readonly string[], options: ScanJsonlOptions = {}): Promise<ScanResult> {
  const loaded = options.taxonomy ?? defaultTaxonomy();
  const { sources, failures } = await resolveInputs([...inputs], options.cwd ?? '.');
  const ignore = new Set(options.ignore ?? []);
  const result = emptyScanResult(loaded);
  result.errors.push(...failures);
  for (const source of sources) {
    let lineBase = 0;
    try {
      for await (const chunk of sourceLineChunks(source, { stdin: options.stdin })) {
        const documents: DocumentResult[] = [];
        const parsed = parseJsonlChunk(chunk.toString('utf8'), (record) => {
          documents.push(scanDocument(loaded, record.text, record.id ?? `${source.display}:${lineBase + record.line}`, ignore));
        });
        for (const e of parsed.errors) result.errors.push({ source: `${source.display}:${lineBase + e.line}`, message: e.message });
        lineBase += parsed.lines;
        if (options.onDocuments) {
          if (documents.length > 0) await deliver(options.onDocuments, documents);
        } else result.documents.push(...documents);
      }
    } catch (error) {
      // The caller's own failure (its output is full, say) is not this input's: it ends the scan.
      if (error instanceof CallerError) throw error.cause;
      result.errors.push({ source: source.display, message: describeReadError(error) });
    }
  }
  return result;
}

/** A failure of the caller's `onDocuments`, told apart from a failure to read an input. */
class CallerError extends Error {
  constructor(override readonly cause: unknown) {
    super('onDocuments failed');
  }
}

async function deliver(onDocuments: NonNullable<ScanJsonlOptions['onDocuments']>, documents: DocumentResult[]): Promise<void> {
  try {
    await onDocuments(documents);
  } catch (error) {
    throw new CallerError(error);
  }
}
