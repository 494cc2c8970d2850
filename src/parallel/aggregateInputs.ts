import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { CHUNK_BYTES, describeReadError, parseJsonlChunk, sourceLineChunks } from '../input/jsonl.js';
import { TextPacker, type PackedTexts } from '../input/textPack.js';
import { readFileBytes, readSource } from '../input/read.js';
import type { Source } from '../input/sources.js';
import type { AggregateCounts } from '../score/aggregate.js';
import type { Progress } from '../model/progress.js';
import type { InputFailure } from '../model/result.js';
import type { CompiledTaxonomy } from '../model/compiled.js';
import type { FileBytes, Task, TaskResult } from './core.js';
import { createExecutor } from './pool.js';

export interface AggregateInputsOptions {
  taxonomy: CompiledTaxonomy;
  /** The matcher tables saved with the shipped taxonomy, for work in this thread. */
  matchIndex?: string;
  /** The compiled taxonomy as a JSON file, for workers; without it the work runs in this thread. */
  taxonomyPath?: string;
  jobs: number;
  /** Find each ad's required/preferred parts (default true); false leaves levels unknown, and is faster. */
  levels?: boolean;
  /** Inputs are JSON Lines (one ad per line) instead of one document per input. */
  jsonl: boolean;
  maxBytes: number;
  /**
   * Parse JSON Lines in this thread and hand workers the texts (default: when there are fewer workers
   * than cores, see below), or let the workers parse their chunks.
   */
  parseHere?: boolean;
  /** Bytes of whole lines per task (default CHUNK_BYTES). */
  chunkBytes?: number;
  stdin?: AsyncIterable<Uint8Array | string>;
  onProgress?: (progress: Progress) => void;
}

/** Errors beyond this many are summed up in one line: a wrong file should not flood the report. */
export const MAX_ERRORS = 1000;

/**
 * Files per task at most (a batch also ends at ~chunkBytes of files): one message per file cost more
 * than reading and counting a small ad; 256 keeps every worker busy on a few thousand files.
 */
const FILES_PER_TASK = 256;

type Entry = { source: number; result?: TaskResult; failure?: string };

/**
 * Counts skills over all inputs: JSON Lines are streamed in chunks of whole lines (the text
 * of an ad is never kept), handed to workers that parse and match them; files go to workers in
 * batches. Per-line errors come back relative to their chunk, per-file ones relative to their
 * batch, and are named here, in input order, once all tasks are counted.
 */
export async function aggregateInputs(sources: Source[], options: AggregateInputsOptions): Promise<{ counts: AggregateCounts; errors: InputFailure[] }> {
  const bySeq: Entry[] = [];
  const progress: Progress = { documents: 0, bytes: 0 };
  const sizes = sources.map((s) => (s.kind === 'file' ? (fileSize(s.path) ?? 0) : undefined));
  const total = sizes.includes(undefined) ? undefined : sizes.reduce<number>((sum, n) => sum + n!, 0);
  if (total !== undefined) progress.totalBytes = total;
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  // A worker costs start-up time and memory: small inputs run in this thread, and there are no
  // more workers than chunks or cores (more threads than cores add memory, not speed).
  const small = total !== undefined && total < chunkBytes / 4;
  const jobs = Math.min(options.jobs, availableParallelism(), total === undefined ? Infinity : Math.ceil(total / chunkBytes));
  // With a core to spare (fewer workers than cores), this thread, otherwise mostly idle, decodes and
  // parses the JSON Lines and hands the workers the ads' texts, packed: less work and less memory
  // in the worker, which is the bottleneck (docs/performance.md).
  // With every core counting, the workers parse their own chunks: the packing would be extra work.
  const parseHere = options.parseHere ?? jobs < availableParallelism();
  const packer = new TextPacker();
  const executor = createExecutor(
    { taxonomy: options.taxonomy, matchIndex: options.matchIndex },
    small ? undefined : options.taxonomyPath,
    Math.max(1, jobs),
    options.levels ?? true,
    (result) => {
      if (result.spare) packer.recycle(result.spare);
      delete result.spare;
      bySeq[result.seq]!.result = result;
      progress.documents += result.documents;
      options.onProgress?.(progress);
    },
  );
  const submit = (source: number, task: DistributiveOmit<Task, 'seq'>): Promise<void> => {
    bySeq.push({ source });
    return executor.submit({ ...task, seq: bySeq.length - 1 } as Task);
  };
  // A failure to read an input (or a worker's) is that input's error; the other inputs still count.
  const guarded = async (source: number, work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      bySeq.push({ source, failure: describeReadError(error) });
    }
  };
  let batch: { first: number; paths: string[]; bytes: number } | undefined;
  const flush = async (): Promise<void> => {
    const files = batch;
    batch = undefined;
    if (files) await guarded(files.first, async () => submit(files.first, { kind: 'files', files: await readFiles(files.paths, options.maxBytes) }));
    progress.bytes += files?.bytes ?? 0;
  };
  let counts: AggregateCounts;
  try {
    for (const [i, source] of sources.entries()) {
      if (source.kind === 'file' && !options.jsonl) {
        batch ??= { first: i, paths: [], bytes: 0 };
        batch.paths.push(source.path);
        batch.bytes += sizes[i]!;
        if (batch.paths.length >= FILES_PER_TASK || batch.bytes >= chunkBytes) await flush();
        continue;
      }
      await flush();
      await guarded(i, async () => {
        if (options.jsonl) return submitLines(i, source, options, chunkBytes, progress, submit, parseHere ? packer : undefined);
        const read = await readSource(source, { maxBytes: options.maxBytes, stdin: options.stdin });
        if (read.ok) await submit(i, { kind: 'text', text: read.text });
        else bySeq.push({ source: i, failure: read.message });
      });
    }
    await flush();
  } finally {
    counts = await executor.finish();
  }
  return { counts, errors: numberErrors(sources, bySeq) };
}

/**
 * Reads a batch of files here, where the thread is otherwise idle: workers spend their time
 * counting, and reading the next batch overlaps counting this one (and hides a cold disk cache).
 * Each file's bytes get their own buffer, so they move to the worker without a copy.
 */
async function readFiles(paths: string[], maxBytes: number): Promise<FileBytes[]> {
  const files: FileBytes[] = [];
  for (const path of paths) {
    const read = await readFileBytes(path, maxBytes);
    if (!read.ok) files.push({ path, error: read.message });
    else files.push({ path, bytes: owned(read.bytes) ? read.bytes : read.bytes.slice() });
  }
  return files;
}

const owned = (bytes: Uint8Array): boolean => bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;

/** Streams one JSON Lines input (gzip or not) as chunks of whole lines, parsed here when given a packer. */
async function submitLines(
  i: number,
  source: Source,
  options: AggregateInputsOptions,
  chunkBytes: number,
  progress: Progress,
  submit: (
    source: number,
    task: { kind: 'lines'; chunk: Uint8Array } | { kind: 'texts'; texts: PackedTexts; lines: number; errors: { line: number; message: string }[] },
  ) => Promise<void>,
  packer: TextPacker | undefined,
): Promise<void> {
  const onRaw = (n: number): void => void (progress.bytes += n);
  // Parsed here, a chunk is done with before the next is read: one buffer serves them all.
  for await (const chunk of sourceLineChunks(source, { stdin: options.stdin, chunkBytes, reuse: packer !== undefined, onRaw })) {
    if (!packer) {
      await submit(i, { kind: 'lines', chunk });
      continue;
    }
    const { lines, errors } = parseJsonlChunk(chunk, (record) => packer.add(record.text));
    await submit(i, { kind: 'texts', texts: packer.take(), lines, errors });
  }
}

/** Turns chunk-relative line numbers into `file:LINE` and batch-relative files into their names, in input order. */
function numberErrors(sources: Source[], bySeq: Entry[]): InputFailure[] {
  const errors: InputFailure[] = [];
  const lineBase = new Array<number>(sources.length).fill(0);
  let dropped = 0;
  const push = (failure: InputFailure): void => void (errors.length < MAX_ERRORS ? errors.push(failure) : dropped++);
  for (const entry of bySeq) {
    const display = sources[entry.source]!.display;
    if (entry.failure !== undefined) push({ source: display, message: entry.failure });
    if (!entry.result) continue;
    for (const e of entry.result.errors) {
      if (e.file !== undefined) push({ source: sources[entry.source + e.file]!.display, message: e.message });
      else push({ source: e.line === undefined ? display : `${display}:${lineBase[entry.source]! + e.line}`, message: e.message });
    }
    lineBase[entry.source]! += entry.result.lines;
  }
  if (dropped > 0) errors.push({ source: '(more)', message: `${dropped} more errors not listed` });
  return errors;
}

function fileSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
