import type { Extracted } from '../extract/extract.js';
import { DEFAULT_MAX_BYTES, readSource } from '../input/read.js';
import { resolveInputs } from '../input/sources.js';
import type { DocumentResult, ScanResult } from '../model/result.js';
import { Scanner } from '../pipeline/scanner.js';
import { withoutSkills } from '../score/ignore.js';
import { loadTaxonomy, type LoadedTaxonomy } from '../taxonomy/index.js';

export interface ScanFilesOptions {
  /** The taxonomy to scan with (default: the built-in one). */
  taxonomy?: LoadedTaxonomy;
  /** Folder relative inputs are resolved against (default: the working directory). */
  cwd?: string;
  /** Inputs larger than this many bytes are refused (default 50 MB). */
  maxBytes?: number;
  /** Read when an input is `-`. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Skill ids left out of the results (and the score), like `ignore:` in the configuration. */
  ignore?: readonly string[];
}

const scanners = new WeakMap<LoadedTaxonomy, Scanner>();
let builtin: LoadedTaxonomy | undefined;

/** The built-in taxonomy, loaded once per process for library calls that name none. */
export function defaultTaxonomy(): LoadedTaxonomy {
  return (builtin ??= loadTaxonomy());
}

/** One Scanner per loaded taxonomy: compiling the matcher is the expensive part. */
export function scannerFor(taxonomy: LoadedTaxonomy): Scanner {
  let scanner = scanners.get(taxonomy);
  if (!scanner) {
    scanner = new Scanner(taxonomy.compiled, taxonomy.matchIndex);
    scanners.set(taxonomy, scanner);
  }
  return scanner;
}

/**
 * One text (plain, or extracted from a file with positions mapped back to it) through the pipeline,
 * less the ignored skills: how every command that shows documents scans one.
 */
export function scanDocument(loaded: LoadedTaxonomy, input: string | Extracted, source: string, ignore: ReadonlySet<string> = NO_SKILLS): DocumentResult {
  const scanner = scannerFor(loaded);
  const doc = typeof input === 'string' ? scanner.scanText(input, source) : scanner.scanExtracted(input, source);
  return withoutSkills(doc, ignore, loaded.compiled);
}

const NO_SKILLS: ReadonlySet<string> = new Set();

/**
 * Scans one text with the given taxonomy (default: the built-in one) and returns the document object
 * the CLI prints in JSON. `ignore` leaves skills out of the results and the score.
 */
export function scanText(text: string, options: { taxonomy?: LoadedTaxonomy; source?: string; ignore?: readonly string[] } = {}): DocumentResult {
  return scanDocument(options.taxonomy ?? defaultTaxonomy(), text, options.source ?? '-', new Set(options.ignore ?? []));
}

/** The header every scan result starts with. */
export function emptyScanResult(loaded: LoadedTaxonomy): ScanResult {
  return { schemaVersion: 1, taxonomy: { name: loaded.compiled.name, version: loaded.compiled.version }, documents: [], errors: [] };
}

/**
 * Scans inputs as `skillscan scan` does (files, directories, globs, `-`): every readable one becomes a
 * document, every other one an entry of `errors`; it never throws for a bad input.
 */
export async function scanFiles(inputs: readonly string[], options: ScanFilesOptions = {}): Promise<ScanResult> {
  const loaded = options.taxonomy ?? defaultTaxonomy();
  const { sources, failures } = await resolveInputs([...inputs], options.cwd ?? '.');
  const result = emptyScanResult(loaded);
  result.errors.push(...failures);
  const readOptions = { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, ...(options.stdin ? { stdin: options.stdin } : {}) };
  const ignore = new Set(options.ignore ?? []);
  for (const source of sources) {
    const read = await readSource(source, readOptions);
    if (!read.ok) result.errors.push({ source: source.display, message: read.message });
    else result.documents.push(scanDocument(loaded, read, source.display, ignore));
  }
  return result;
}
