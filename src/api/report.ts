import { DEFAULT_MAX_BYTES } from '../input/read.js';
import { resolveInputs } from '../input/sources.js';
import type { CompiledTaxonomy } from '../model/compiled.js';
import { UsageError } from '../model/errors.js';
import type { Progress } from '../model/progress.js';
import type { ReportResult } from '../model/report.js';
import type { InputFailure } from '../model/result.js';
import { aggregateInputs } from '../parallel/aggregateInputs.js';
import { withTaxonomyFile } from '../parallel/taxonomyFile.js';
import type { AggregateCounts } from '../score/aggregate.js';
import { buildReport } from '../score/report.js';
import type { LoadedTaxonomy } from '../taxonomy/index.js';
import { fromScanLines, mergeReports } from './reportParts.js';
import { defaultTaxonomy } from './scan.js';
import { assertCategory } from './taxonomy.js';

export interface ReportFilesOptions {
  taxonomy?: LoadedTaxonomy;
  /** Folder relative inputs are resolved against (default: the working directory). */
  cwd?: string;
  /** Inputs are JSON Lines, one ad per line (`{"text": ..., "id"?: ...}`), as `report --jsonl`. */
  jsonl?: boolean;
  /** Inputs are JSON reports of parts (`report -f json`) to add up, as `report --merge`. */
  merge?: boolean;
  /** Inputs are the output of `scan -f jsonl` to add up, as `report --from-scan`. */
  fromScan?: boolean;
  /** Worker threads; absent: everything in this thread (no worker start for a few ads). */
  jobs?: number;
  /** Tell required from nice-to-have parts of each ad (default true); false leaves levels unknown, faster. */
  levels?: boolean;
  maxBytes?: number;
  /** Skills and pairs listed (default 25, as the CLI; 0 = all). */
  top?: number;
  /** Only these category ids (default: all); an unknown id is a UsageError with a suggestion. */
  categories?: readonly string[];
  stdin?: AsyncIterable<Uint8Array | string>;
  onProgress?: (progress: Progress) => void;
}

/**
 * Skill demand across many ads, as `skillscan report ... -f json` computes it: documents (files,
 * folders, globs, stdin) or JSON Lines counted (with `jobs`, over worker threads: the counts are the
 * same), or parts added up. Inputs that cannot be read are in `errors`; it throws only for bad options.
 */
export async function reportFiles(inputs: readonly string[], options: ReportFilesOptions = {}): Promise<ReportResult> {
  const modes = [options.jsonl && '--jsonl', options.merge && '--merge', options.fromScan && '--from-scan'].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be combined: they say what the inputs are`);
  const loaded = options.taxonomy ?? defaultTaxonomy();
  const taxonomy = loaded.compiled;
  const categories = categoryFilter(options.categories ?? [], taxonomy);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { sources, failures } = await resolveInputs([...inputs], options.cwd ?? '.');
  let counted: { counts: AggregateCounts; errors: InputFailure[] };
  if (options.merge) counted = await mergeReports(sources, taxonomy, maxBytes, options.stdin);
  else if (options.fromScan) counted = await fromScanLines(sources, taxonomy, options.stdin, options.onProgress);
  else {
    const count = (taxonomyPath: string | undefined) =>
      aggregateInputs(sources, {
        taxonomy,
        ...(loaded.matchIndex !== undefined ? { matchIndex: loaded.matchIndex } : {}),
        ...(taxonomyPath !== undefined ? { taxonomyPath } : {}),
        jobs: options.jobs ?? 1,
        levels: options.levels ?? true,
        jsonl: options.jsonl ?? false,
        maxBytes,
        ...(options.stdin ? { stdin: options.stdin } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
    counted = options.jobs === undefined ? await count(undefined) : await withTaxonomyFile(loaded, count);
  }
  return buildReport(counted.counts, taxonomy, { top: options.top ?? 25, categories, errors: [...failures, ...counted.errors] });
}

/** `['a,b', 'c']` -> category ids, each checked against the taxonomy (with a did-you-mean). */
function categoryFilter(values: readonly string[], taxonomy: CompiledTaxonomy): string[] {
  const wanted = [
    ...new Set(
      values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    ),
  ];
  for (const id of wanted) assertCategory(taxonomy, id, 3);
  return wanted;
}
