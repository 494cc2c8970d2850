import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../model/errors.js';
import type { InputFailure } from '../model/result.js';
import type { Io } from './io.js';

/**
 * Writes a finished report whole, to `-o FILE` or stdout: JSON is never left half-written, and a
 * report to a file is not mixed with anything else. A file is written beside its target under a
 * temporary name and renamed over it only when complete: a full disk or an interrupted run leaves
 * the old file as it was.
 */
export function writeReport(text: string, output: string | undefined, io: Io): void {
  if (output === undefined || output === '-') {
    io.stdout.write(text);
    return;
  }
  const file = openAtomic(output, io);
  try {
    writeAll(file.fd, text, output);
  } catch (error) {
    file.abandon();
    throw error;
  }
  file.commit();
}

/** Each input that could not be read, one line on stderr: `path: reason`. */
export function printFailures(failures: readonly InputFailure[], io: Io): void {
  for (const failure of failures) io.stderr.write(`${failure.source}: ${failure.message}\n`);
}

/** A file being written under a temporary name beside its target. */
interface AtomicFile {
  fd: number;
  /** Closes it and renames it over the target. */
  commit(): void;
  /** Closes and removes it; the target is left as it was. */
  abandon(): void;
}

/** Temporary files not yet committed: removed if the process exits first (Ctrl-C, a fatal error). */
const pending = new Set<string>();
let cleanupRegistered = false;

function openAtomic(output: string, io: Io): AtomicFile {
  const target = resolve(io.cwd, output);
  const temp = join(dirname(target), `.${basename(target)}.skillscan-${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (error) {
    throw cannotWrite(output, error);
  }
  pending.add(temp);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.on('exit', () => {
      for (const path of pending) removeQuietly(path);
    });
  }
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    fd,
    commit: () => {
      try {
        close();
        renameSync(temp, target);
        pending.delete(temp);
      } catch (error) {
        removeQuietly(temp);
        pending.delete(temp);
        throw cannotWrite(output, error);
      }
    },
    abandon: () => {
      try {
        close();
      } catch {
        // already failing: the first error is the one to report
      }
      removeQuietly(temp);
      pending.delete(temp);
    },
  };
}

function writeAll(fd: number, text: string, output: string): void {
  const bytes = Buffer.from(text);
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
  } catch (error) {
    throw cannotWrite(output, error);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already
  }
}

/** The output's own error (a full disk, no permission): never blamed on an input. */
function cannotWrite(output: string, error: unknown): InputError {
  return new InputError(`${output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
}

/** Where a streamed report goes, chunk by chunk (see `scan --jsonl -f jsonl`). */
export interface Sink {
  write(text: string): Promise<void>;
  /** Ends the output: a file is renamed over its target. */
  close(): void;
  /** Ends it after a failure: a file's target is left as it was. */
  abandon(): void;
}

/** Stdout (waiting for 'drain' when the reader is slower) or a file written as writeReport does. */
export function openSink(output: string | undefined, io: Io): Sink {
  if (output === undefined || output === '-') {
    const stdout = io.stdout as Io['stdout'] & { once?: (event: 'drain', listener: () => void) => unknown };
    return {
      write: async (text) => {
        if (stdout.write(text) === false && stdout.once) await new Promise<void>((resolveDrain) => stdout.once!('drain', resolveDrain));
      },
      close: () => {},
      abandon: () => {},
    };
  }
  const file = openAtomic(output, io);
  return { write: async (text) => writeAll(file.fd, text, output), close: () => file.commit(), abandon: () => file.abandon() };
}
