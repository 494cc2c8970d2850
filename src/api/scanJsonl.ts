import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../model/errors.js';
import { lineChunks, maybeGunzip, parseJsonlChunk } from '../input/jsonl.js';
import { describeFsError, resolveInputs } from '../input/sources.js';
import { scannerFor } from './scan.js';
import { withoutSkills } from '../score/ignore.js';
import type { DocumentResult, InputFailure, ScanResult } from '../model/result.js';
import type { LoadedTaxonomy } from '../taxonomy/index.js';
import type { Io } from '../cli/io.js';

/**
 * `scan --jsonl`: every line of every input is an ad. With `-f jsonl` each result line is written as
 * soon as its chunk is scanned (a mapper for GNU parallel, Hadoop Streaming, Spark pipe): memory
 * stays flat and output starts at once. Other formats collect the documents and report at the end.
 * Each ad's source is its `id`, else `file:LINE`.
 */
export async function scanJsonlInputs(inputs: string[], loaded: LoadedTaxonomy, io: Io, options: { ignore: readonly string[]; stream: { output?: string | undefined } | undefined }): Promise<ScanResult> {
  const { sources, failures } = await resolveInputs(inputs, io.cwd);
  const scanner = scannerFor(loaded);
  const ignore = new Set(options.ignore);
  const documents: DocumentResult[] = [];
  const errors: InputFailure[] = [...failures];
  const sink = options.stream ? openSink(options.stream.output, io) : undefined;
  try {
    for (const source of sources) {
      let lineBase = 0;
      try {
        const raw = source.kind === 'stdin' ? (io.stdin ?? (async function* () {})()) : createReadStream(source.path, { highWaterMark: 1 << 20 });
        for await (const chunk of lineChunks(maybeGunzip(raw))) {
          let out = '';
          const parsed = parseJsonlChunk(chunk.toString('utf8'), (record) => {
            const doc = withoutSkills(scanner.scanText(record.text, record.id ?? `${source.display}:${lineBase + record.line}`), ignore, loaded.compiled);
            if (sink) out += `${JSON.stringify(doc)}\n`; // the line format of scanJsonl.ts
            else documents.push(doc);
          });
          for (const e of parsed.errors) errors.push({ source: `${source.display}:${lineBase + e.line}`, message: e.message });
          lineBase += parsed.lines;
          if (sink && out) await sink.write(out);
        }
      } catch (error) {
        if (error instanceof InputError) throw error;
        const code = (error as NodeJS.ErrnoException).code ?? '';
        errors.push({ source: source.display, message: code.startsWith('Z_') ? `invalid gzip data (${(error as Error).message})` : describeFsError(error) });
      }
    }
  } finally {
    sink?.close();
  }
  return { schemaVersion: 1, taxonomy: { name: loaded.compiled.name, version: loaded.compiled.version }, documents, errors };
}

interface Sink {
  write(text: string): Promise<void>;
  close(): void;
}

/** stdout (waiting for 'drain' when the reader is slower) or a file opened once. */
function openSink(output: string | undefined, io: Io): Sink {
  if (output === undefined || output === '-') {
    const stdout = io.stdout as Io['stdout'] & { once?: (event: 'drain', listener: () => void) => unknown };
    return {
      write: async (text) => {
        if (stdout.write(text) === false && stdout.once) await new Promise<void>((resolveDrain) => stdout.once!('drain', resolveDrain));
      },
      close: () => {},
    };
  }
  let fd: number;
  try {
    fd = openSync(resolve(io.cwd, output), 'w');
  } catch (error) {
    throw new InputError(`${output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return { write: async (text) => void writeSync(fd, text), close: () => closeSync(fd) };
}
