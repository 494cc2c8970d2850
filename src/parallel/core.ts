import { Scanner } from '../pipeline/scanner.js';
import { parseJsonlChunk } from '../input/jsonl.js';
import { textCount, unpackText, type PackedTexts } from '../input/textPack.js';
import { extractText } from '../extract/extract.js';
import { Aggregate, Tallier } from '../score/aggregate.js';
import type { CompiledTaxonomy } from '../model/compiled.js';

/**
 * A unit of work for `report`: a chunk of JSON Lines, one text, or a batch of files already read
 * (many per message: a message round trip costs more than counting a small ad).
 */
export type Task =
  | { kind: 'lines'; seq: number; chunk: Uint8Array }
  /** A chunk of JSON Lines already parsed by the main thread: its ads' texts, line count and bad lines. */
  | { kind: 'texts'; seq: number; texts: PackedTexts; lines: number; errors: { line: number; message: string }[] }
  | { kind: 'text'; seq: number; text: string }
  | { kind: 'files'; seq: number; files: FileBytes[] };

/** A file's bytes as read (the name tells its format), or why it could not be read. */
export type FileBytes = { path: string; bytes: Uint8Array } | { path: string; error: string };

export interface TaskResult {
  seq: number;
  documents: number;
  /** Lines in a chunk of JSON Lines (0 for other tasks). */
  lines: number;
  /** `line` is relative to the chunk; `file` is the index in a batch's `paths` of a file that failed. */
  errors: { line?: number; file?: number; message: string }[];
  /** A 'texts' task's buffer, handed back for the next chunk (no new buffer per chunk to collect). */
  spare?: Uint8Array;
}

/**
 * What a worker does (and what runs in-thread when there is no worker): parse, match and count into
 * one aggregate. Findings go straight into counts; no document result is built.
 */
export class ReportCore {
  readonly aggregate: Aggregate;
  private readonly scanner: Scanner;
  private readonly tallier: Tallier;

  /** `levels: false` skips finding the ad's required/preferred parts (all levels unknown): faster. */
  constructor(
    readonly taxonomy: CompiledTaxonomy,
    private readonly levels = true,
    savedIndex?: string,
  ) {
    this.scanner = new Scanner(taxonomy, savedIndex);
    this.aggregate = new Aggregate(taxonomy);
    this.tallier = new Tallier(taxonomy);
  }

  /** The pipeline's analysis, as scan makes it, counted instead of built into a document. */
  private count(text: string): void {
    const { findings, levelAt } = this.scanner.analyze(text, this.levels);
    this.aggregate.add(this.tallier.tally(findings, levelAt));
  }

  async run(task: Task): Promise<TaskResult> {
    const result: TaskResult = { seq: task.seq, documents: 0, lines: 0, errors: [] };
    if (task.kind === 'lines') {
      const parsed = parseJsonlChunk(task.chunk, (record) => {
        this.count(record.text);
        result.documents++;
      });
      result.lines = parsed.lines;
      result.errors = parsed.errors;
    } else if (task.kind === 'texts') {
      result.documents = textCount(task.texts);
      for (let k = 0; k < result.documents; k++) this.count(unpackText(task.texts, k));
      result.lines = task.lines;
      result.errors = task.errors;
      result.spare = task.texts.bytes;
    } else if (task.kind === 'text') {
      this.count(task.text);
      result.documents++;
    } else {
      for (const [file, item] of task.files.entries()) {
        const read = 'error' in item ? { ok: false as const, message: item.error } : await extractText(item.bytes, item.path);
        if (!read.ok) {
          result.errors.push({ file, message: read.message });
          continue;
        }
        this.count(read.text);
        result.documents++;
      }
    }
    return result;
  }
}
