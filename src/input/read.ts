import { UsageError } from '../model/errors.js';
import { closeSync, createReadStream, fstatSync, openSync, readFileSync } from 'node:fs';
import { extractText, type Extracted } from '../extract/extract.js';
import { describeFsError, type Source } from './sources.js';

export interface ReadOptions {
  /** Inputs larger than this many bytes are refused (a clear error naming the limit). */
  maxBytes: number;
  /** Standard input, read when a source is `-`. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export type ReadResult = (Extracted & { ok: true }) | { ok: false; message: string };

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Reads and decodes one source; never throws for a bad input, it returns the reason instead. */
export async function readSource(source: Source, options: ReadOptions): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = source.kind === 'stdin' ? await readStream(options.stdin, options.maxBytes) : await readFileLimited(source.path, options.maxBytes);
  } catch (error) {
    return { ok: false, message: error instanceof TooLarge ? error.message : describeFsError(error) };
  }
  if (source.kind === 'stdin' && bytes.length === 0) return { ok: false, message: 'stdin is empty: pipe an ad in, or name a file' };
  return await extractText(bytes, source.kind === 'file' ? source.path : undefined);
}

/** The bytes of a file (not decoded), or why it cannot be read: missing, a directory, over the limit. */
export async function readFileBytes(path: string, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  try {
    return { ok: true, bytes: await readFileLimited(path, maxBytes) };
  } catch (error) {
    return { ok: false, message: error instanceof TooLarge ? error.message : describeFsError(error) };
  }
}

class TooLarge extends Error {}

function tooLarge(maxBytes: number): TooLarge {
  return new TooLarge(`larger than the ${formatBytes(maxBytes)} limit (raise it with --max-size)`);
}

/**
 * A regular file is opened, checked and read synchronously: one call instead of four thread-pool
 * round trips, which is most of the cost of a small file (report reads thousands in a worker). A
 * FIFO or device (`<(curl ...)`, /dev/zero) has no size up front: it is streamed, with the limit,
 * from the descriptor already open (opening a FIFO twice would lose its writer).
 */
async function readFileLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  const fd = openSync(path, 'r');
  let streaming = false;
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!stats.isFile()) {
      streaming = true;
      return await readStream(createReadStream('', { fd, autoClose: true }), maxBytes);
    }
    if (stats.size > maxBytes) throw tooLarge(maxBytes);
    return readFileSync(fd);
  } finally {
    if (!streaming) closeSync(fd);
  }
}

async function readStream(stream: AsyncIterable<Uint8Array | string> | undefined, maxBytes: number): Promise<Uint8Array> {
  if (!stream) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** Bytes for a `--max-size` value; a usage error (exit 2) when it is not a size. */
export function maxSizeOption(value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined) throw new UsageError(`--max-size must be a size such as 10MB or 500KB (got "${value}")`);
  return bytes;
}

/** Parses "50MB", "200k", "1048576" into bytes. */
export function parseSize(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Math.round(Number(m[1]) * unit);
}
