import { UsageError } from '../model/errors.js';
import { DEFAULT_MAX_BYTES, readSource } from '../input/read.js';
import { resolveInputs, type Source } from '../input/sources.js';
import { defaultTaxonomy, scanDocument } from './scan.js';
import { compareDocuments, type ScannedText } from '../score/compare.js';
import type { CompareResult, Comparison } from '../model/compare.js';
import type { LoadedTaxonomy } from '../taxonomy/index.js';

export interface CompareFilesOptions {
  taxonomy?: LoadedTaxonomy;
  /** Folder relative inputs are resolved against (default: the working directory). */
  cwd?: string;
  maxBytes?: number;
  /** Read when the CV or a job is `-`. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Skill ids left out of both sides, like `ignore:` in the configuration. */
  ignore?: readonly string[];
}

/**
 * Compares a CV (one file, or `-`) with job ads given like scan's inputs, as `skillscan compare`
 * does. A CV that cannot be read throws an InputError (there is nothing to compare); a job ad that
 * cannot be read is an entry of `errors`.
 */
export async function compareFiles(cv: string, jobs: readonly string[], options: CompareFilesOptions = {}): Promise<CompareResult> {
  const loaded = options.taxonomy ?? defaultTaxonomy();
  const cwd = options.cwd ?? '.';
  const read = (source: Source, emptyOk = false) => readScanned(source, loaded, options, emptyOk);
  const cvSide = await readCv(cv, cwd, read);
  const { sources, failures } = await resolveInputs([...jobs], cwd);
  const result: CompareResult = {
    schemaVersion: 1,
    taxonomy: { name: loaded.compiled.name, version: loaded.compiled.version },
    cv,
    comparisons: [],
    errors: [...failures],
  };
  for (const source of sources) {
    const ad = await read(source);
    if ('message' in ad) result.errors.push({ source: source.display, message: ad.message });
    else result.comparisons.push(compareDocuments(cvSide, ad, loaded.compiled));
  }
  return result;
}

async function readCv(path: string, cwd: string, read: (source: Source, emptyOk: boolean) => Promise<ScannedText | { message: string }>): Promise<ScannedText> {
  const { sources, failures } = path === '-' ? { sources: [{ kind: 'stdin', display: '-' } as Source], failures: [] } : await resolveInputs([path], cwd);
  if (failures.length > 0 || sources.length !== 1 || sources[0]!.kind !== (path === '-' ? 'stdin' : 'file')) {
    throw new UsageError(`--cv ${path}: ${failures[0]?.message ?? 'give one file'}`);
  }
  const cv = await read(sources[0]!, true);
  if ('message' in cv) throw new UsageError(`--cv ${path}: ${cv.message}`);
  return cv;
}

async function readScanned(source: Source, loaded: LoadedTaxonomy, options: CompareFilesOptions, emptyOk: boolean): Promise<ScannedText | { message: string }> {
  const ignore = new Set(options.ignore ?? []);
  const read = await readSource(source, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, ...(options.stdin ? { stdin: options.stdin } : {}) });
  if (!read.ok) {
    // An empty CV (file or stdin) is valid: every skill the ad asks is then a gap.
    if (emptyOk && /empty/.test(read.message)) return { doc: scanDocument(loaded, '', source.display), text: '' };
    return { message: read.message };
  }
  return { doc: scanDocument(loaded, read, source.display, ignore), text: read.source };
}

/**
 * Compares a CV with one job ad (plain texts): fit, matched, missing (with level, years and where the
 * ad asks), extra skills and typo suggestions.
 */
export function compareText(cv: string, ad: string, options: { taxonomy?: LoadedTaxonomy; cvSource?: string; adSource?: string } = {}): Comparison {
  const loaded = options.taxonomy ?? defaultTaxonomy();
  const cvDoc = scanDocument(loaded, cv, options.cvSource ?? 'cv');
  const adDoc = scanDocument(loaded, ad, options.adSource ?? '-');
  return compareDocuments({ doc: cvDoc, text: cv }, { doc: adDoc, text: ad }, loaded.compiled);
}
