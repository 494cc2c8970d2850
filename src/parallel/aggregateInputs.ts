import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { CHUNK_BYTES, lineChunks, maybeGunzip } from '../input/jsonl.js';
import { readSource } from '../input/read.js';
import { describeFsError, type Source } from '../input/sources.js';
import type { AggregateCounts } from '../score/aggregate.js';
import type { InputFailure } from '../score/types.js';
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import type { Task, TaskResult } from './core.js';
import { createExecutor } from './pool.js';

export interface Progress {
  documents: number;
  /** Input bytes consumed (compressed bytes for gzip), and the total when known (no stdin). */
  bytes: number;
  totalBytes?: number;
}

export interface AggregateInputsOptions {
  taxonomy: CompiledTaxonomy;
  /** The compiled taxonomy as a JSON file, for workers; without it the work runs in this thread. */
  taxonomyPath?: string;
  jobs: number;
  /** Find each ad's required/preferred parts (default true); false leaves levels unknown, and is faster. */
  levels?: boolean;
  /** Inputs are JSON Lines (one ad per line) instead of one document per input. */
  jsonl: boolean;
  maxBytes: number;
  /** Bytes of whole lines per task (default ~1 MB). */
  chunkBytes?: number;
  stdin?: AsyncIterable<Uint8Array | string>;
  onProgress?: (progress: Progress) => void;
}

/** Errors beyond this many are summed up in one line: a wrong file should not flood the report. */
export const MAX_ERRORS = 1000;

/**
 * Counts skills over all inputs: JSON Lines are streamed in ~1 MB chunks of whole lines (the text
 * of an ad is never kept), handed to workers that parse and match them; per-line errors come back
 * relative to their chunk and are numbered here, in input order, once all chunks are counted.
 */
export async function aggregateInputs(sources: Source[], options: AggregateInputsOptions): Promise<{ counts: AggregateCounts; errors: InputFailure[] }> {
  const bySeq: { source: number; result?: TaskResult; failure?: string }[] = [];
  const progress: Progress = { documents: 0, bytes: 0 };
  const total = totalBytes(sources);
  if (total !== undefined) progress.totalBytes = total;
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  // A worker costs 30-40 ms to start and ~35 MB: small inputs run in this thread, and there are no
  // more workers than chunks or cores (more threads than cores add memory, not speed).
  const small = total !== undefined && total < chunkBytes / 4;
  const jobs = Math.min(options.jobs, availableParallelism(), total === undefined ? Infinity : Math.ceil(total / chunkBytes));
  const executor = createExecutor(options.taxonomy, small ? undefined : options.taxonomyPath, Math.max(1, jobs), options.levels ?? true, (result) => {
    bySeq[result.seq]!.result = result;
    progress.documents += result.documents;
    options.onProgress?.(progress);
  });
  const submit = (source: number, task: DistributiveOmit<Task, 'seq'>): Promise<void> => {
    bySeq.push({ source });
    return executor.submit({ ...task, seq: bySeq.length - 1 } as Task);
  };
  let counts: AggregateCounts;
  try {
    for (const [i, source] of sources.entries()) {
      try {
        if (options.jsonl) {
          const raw = source.kind === 'stdin' ? (options.stdin ?? emptyStream()) : createReadStream(source.path, { highWaterMark: 1 << 16 });
          const onRaw = (n: number): void => void (progress.bytes += n);
          for await (const chunk of lineChunks(maybeGunzip(raw, onRaw), chunkBytes)) await submit(i, { kind: 'lines', chunk });
        } else if (source.kind === 'stdin') {
          const read = await readSource(source, { maxBytes: options.maxBytes, stdin: options.stdin });
          if (read.ok) await submit(i, { kind: 'text', text: read.text });
          else bySeq.push({ source: i, failure: read.message });
        } else {
          await submit(i, { kind: 'file', path: source.path, maxBytes: options.maxBytes });
          progress.bytes += fileSize(source.path) ?? 0;
        }
      } catch (error) {
        bySeq.push({ source: i, failure: describeStreamError(error) });
      }
    }
  } finally {
    counts = await executor.finish();
  }
  return { counts, errors: numberErrors(sources, bySeq) };
}

/** Turns chunk-relative line numbers into `file:LINE`, in input order. */
function numberErrors(sources: Source[], bySeq: { source: number; result?: TaskResult; failure?: string }[]): InputFailure[] {
  const errors: InputFailure[] = [];
  const lineBase = new Array<number>(sources.length).fill(0);
  let dropped = 0;
  const push = (failure: InputFailure): void => void (errors.length < MAX_ERRORS ? errors.push(failure) : dropped++);
  for (const entry of bySeq) {
    const display = sources[entry.source]!.display;
    if (entry.failure !== undefined) push({ source: display, message: entry.failure });
    if (!entry.result) continue;
    for (const e of entry.result.errors) push({ source: e.line === undefined ? display : `${display}:${lineBase[entry.source]! + e.line}`, message: e.message });
    lineBase[entry.source]! += entry.result.lines;
  }
  if (dropped > 0) errors.push({ source: '(more)', message: `${dropped} more errors not listed` });
  return errors;
}

function describeStreamError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('Z_')) return `invalid gzip data (${(error as Error).message})`;
  return describeFsError(error);
}

function totalBytes(sources: Source[]): number | undefined {
  let total = 0;
  for (const s of sources) {
    if (s.kind === 'stdin') return undefined;
    total += fileSize(s.path) ?? 0;
  }
  return total;
}

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

async function* emptyStream(): AsyncGenerator<Uint8Array> {}
