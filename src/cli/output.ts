import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../model/errors.js';
import type { Io } from './io.js';

/**
 * Writes a finished report whole, to `-o FILE` or stdout: JSON is never left half-written, and a
 * report to a file is not mixed with anything else.
 */
export function writeReport(text: string, output: string | undefined, io: Io): void {
  if (output === undefined || output === '-') {
    io.stdout.write(text);
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, output), text);
  } catch (error) {
    throw new InputError(`${output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** Where a streamed report goes, chunk by chunk (see `scan --jsonl -f jsonl`). */
export interface Sink {
  write(text: string): Promise<void>;
  close(): void;
}

/** Stdout (waiting for 'drain' when the reader is slower) or a file opened once. */
export function openSink(output: string | undefined, io: Io): Sink {
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
