import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { describeFsError, type Source } from './sources.js';

/**
 * About this many bytes of complete lines per chunk: big enough to amortise a message, small enough
 * to keep memory flat (larger chunks raised peak RSS at the same speed; `npm run bench` tracks it).
 */
export const CHUNK_BYTES = 1 << 19;

type ByteStream = AsyncIterable<Uint8Array | string>;

const toBuffer = (chunk: Uint8Array | string): Buffer =>
  typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/**
 * The decompressed bytes of a stream: gzip is recognised by its magic bytes (1f 8b), whatever the
 * file is called, so `zcat`-free pipes and `.gz` files both work. `onRaw` sees every raw byte count
 * (for progress against the file size).
 */
export async function* maybeGunzip(input: ByteStream, onRaw?: (bytes: number) => void): AsyncGenerator<Buffer> {
  const it = input[Symbol.asyncIterator]();
  let head: Buffer = Buffer.alloc(0);
  while (head.length < 2) {
    const next = await it.next();
    if (next.done) break;
    const b = toBuffer(next.value);
    onRaw?.(b.length);
    head = head.length === 0 ? b : Buffer.concat([head, b]);
  }
  async function* raw(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    for (let next = await it.next(); !next.done; next = await it.next()) {
      const b = toBuffer(next.value);
      onRaw?.(b.length);
      yield b;
    }
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    for await (const b of Readable.from(raw()).pipe(createGunzip({ chunkSize: 1 << 18 }))) yield b as Buffer;
  } else {
    yield* raw();
  }
}

/**
 * Splits a byte stream into buffers of whole lines (each ends with "\n", except perhaps the last).
 * Each buffer owns its memory (no shared pool), so it can be transferred to a worker without a copy;
 * with `reuse`, each is instead a view into one buffer that the next chunk overwrites, for a
 * consumer done with a chunk before asking for the next (a new buffer per chunk left much garbage
 * in array buffers in a thread that scavenges rarely).
 */
export async function* lineChunks(input: AsyncIterable<Buffer>, chunkBytes = CHUNK_BYTES, reuse = false): AsyncGenerator<Buffer> {
  let scratch = Buffer.alloc(0);
  const concat = (parts: Buffer[]): Buffer => {
    if (!reuse) return ownedConcat(parts);
    const size = parts.reduce((sum, b) => sum + b.length, 0);
    if (size > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(size, chunkBytes * 2));
    let at = 0;
    for (const b of parts) at += b.copy(scratch, at);
    return scratch.subarray(0, size);
  };
  let pieces: Buffer[] = [];
  let size = 0;
  for await (const piece of input) {
    pieces.push(piece);
    size += piece.length;
    if (size < chunkBytes) continue;
    let p = pieces.length - 1;
    let nl = -1;
    while (p >= 0 && (nl = pieces[p]!.lastIndexOf(10)) < 0) p--;
    if (p < 0) continue; // one very long line so far: keep reading until it ends
    const head = pieces.slice(0, p);
    const last = pieces[p]!;
    yield concat([...head, last.subarray(0, nl + 1)]);
    pieces = [last.subarray(nl + 1), ...pieces.slice(p + 1)].filter((b) => b.length > 0);
    size = pieces.reduce((sum, b) => sum + b.length, 0);
  }
  if (size > 0) yield concat(pieces);
}

function ownedConcat(pieces: Buffer[]): Buffer {
  const out = Buffer.allocUnsafeSlow(pieces.reduce((sum, b) => sum + b.length, 0));
  let at = 0;
  for (const b of pieces) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/** One ad from a JSON Lines input. `line` is 1-based within the chunk it came from. */
export interface JsonlRecord {
  text: string;
  id?: string;
  title?: string;
  line: number;
}

export interface JsonlChunkResult {
  /** Lines in the chunk (to number the next chunk's lines). */
  lines: number;
  errors: { line: number; message: string }[];
}

/**
 * Parses a chunk of JSON Lines, calling `onRecord` for each ad. A line that is not an object with a
 * string `text` is an error of its own (the rest still counts); blank lines are skipped.
 */
export function parseJsonlChunk(chunk: string | Uint8Array, onRecord: (record: JsonlRecord) => void): JsonlChunkResult {
  const errors: JsonlChunkResult['errors'] = [];
  const lines = eachLine(chunk, (text, line) => {
    const parsed = parseRecord(text);
    if (typeof parsed === 'string') errors.push({ line, message: parsed });
    else onRecord({ ...parsed, line });
  });
  return { lines, errors };
}

/**
 * Calls `onLine` for each non-blank line (1-based numbers); returns the number of lines. UTF-8 bytes
 * are decoded a line at a time: the same text (a newline byte never sits inside a character), but
 * small strings instead of one the size of the chunk (which V8 allocates outside the young
 * generation, so each chunk cost a full collection's share in the workers).
 */
export function eachLine(chunk: string | Uint8Array, onLine: (text: string, line: number) => void): number {
  if (typeof chunk !== 'string') return eachLineOfBytes(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), onLine);
  let line = 0;
  for (let from = 0; from < chunk.length; ) {
    let to = chunk.indexOf('\n', from);
    if (to < 0) to = chunk.length;
    line++;
    const text = chunk.slice(from, to);
    from = to + 1;
    if (text.trim() !== '') onLine(text, line);
  }
  return line;
}

function eachLineOfBytes(bytes: Buffer, onLine: (text: string, line: number) => void): number {
  let line = 0;
  for (let from = 0; from < bytes.length; ) {
    let to = bytes.indexOf(10, from);
    if (to < 0) to = bytes.length;
    line++;
    const text = bytes.toString('utf8', from, to);
    from = to + 1;
    if (text.trim() !== '') onLine(text, line);
  }
  return line;
}

function parseRecord(line: string): Omit<JsonlRecord, 'line'> | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `invalid JSON (${(error as Error).message.split('\n')[0]})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const { text, id, title } = value as Record<string, unknown>;
  if (typeof text !== 'string') return `no "text" string${text === undefined ? '' : ` (got ${typeof text})`}`;
  const record: Omit<JsonlRecord, 'line'> = { text };
  if (id !== undefined) {
    if (typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string or a number';
    record.id = String(id);
  }
  if (typeof title === 'string') record.title = title;
  return record;
}

export interface SourceLinesOptions {
  /** Read when the source is `-`. */
  stdin?: AsyncIterable<Uint8Array | string> | undefined;
  chunkBytes?: number;
  /** See lineChunks. */
  reuse?: boolean;
  /** Sees every raw (compressed) byte count, for progress against the file size. */
  onRaw?: (bytes: number) => void;
}

/**
 * The one way every command reads a JSON Lines input: a file in 1 MB reads (fewer hand-offs to
 * zlib's thread, each a wake-up) or stdin, gunzipped when it is gzip, in chunks of whole lines.
 */
export function sourceLineChunks(source: Source, options: SourceLinesOptions = {}): AsyncGenerator<Buffer> {
  const raw = source.kind === 'stdin' ? (options.stdin ?? emptyStream()) : createReadStream(source.path, { highWaterMark: 1 << 20 });
  return lineChunks(maybeGunzip(raw, options.onRaw), options.chunkBytes, options.reuse);
}

/** Why reading a JSON Lines input stopped: damaged gzip data, or the file system's reason. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('Z_')) return `invalid gzip data (${(error as Error).message})`;
  return describeFsError(error);
}

async function* emptyStream(): AsyncGenerator<Uint8Array> {}
