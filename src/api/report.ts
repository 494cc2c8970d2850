import { DEFAULT_MAX_BYTES } from '../input/read.js';
import { resolveInputs } from '../input/sources.js';
import { aggregateInputs } from '../parallel/aggregateInputs.js';
import { defaultTaxonomy } from './scan.js';
import { buildReport } from '../score/report.js';
import type { ReportResult } from '../model/report.js';
import type { LoadedTaxonomy } from '../taxonomy/index.js';

export interface ReportFilesOptions {
  taxonomy?: LoadedTaxonomy;
  /** Folder relative inputs are resolved against (default: the working directory). */
  cwd?: string;
  /** Inputs are JSON Lines, one ad per line (`{"text": ..., "id"?: ...}`), as `report --jsonl`. */
  jsonl?: boolean;
  maxBytes?: number;
  /** Skills and pairs listed (default 25, as the CLI; 0 = all). */
  top?: number;
  /** Only these category ids (default: all). */
  categories?: string[];
  stdin?: AsyncIterable<Uint8Array | string>;
}

/**
 * Skill demand across many ads, as `skillscan report ... -f json` computes it, in this thread (the
 * CLI spreads big inputs over worker threads; the counts are the same).
 */
export async function reportFiles(inputs: readonly string[], options: ReportFilesOptions = {}): Promise<ReportResult> {
  const loaded = options.taxonomy ?? defaultTaxonomy();
  const { sources, failures } = await resolveInputs([...inputs], options.cwd ?? '.');
  const counted = await aggregateInputs(sources, { taxonomy: loaded.compiled, jobs: 1, jsonl: options.jsonl ?? false, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, ...(options.stdin ? { stdin: options.stdin } : {}) });
  return buildReport(counted.counts, loaded.compiled, { top: options.top ?? 25, categories: options.categories ?? [], errors: [...failures, ...counted.errors] });
}
