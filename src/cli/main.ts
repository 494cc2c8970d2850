import { writeSync } from 'node:fs';
import type * as Tty from 'node:tty';
import { lazyRequire } from '../util/lazyRequire.js';
import type { Io, Output } from './io.js';
import { EXIT } from './options.js';
import { run } from './program.js';

/**
 * The process edge: the only code that touches `process`.
 * - A closed pipe (`skillscan ... | head -c 100`) ends the run quietly, with the exit code so far:
 *   the reader wanted no more, that is not an error worth a trace.
 * - Ctrl-C exits 130 at once. Reports are written whole at the end of a run (see output.ts), so an
 *   interrupted run leaves nothing on stdout, never half a JSON document.
 * - process.stdin, .stdout and .stderr are made on first use (Node builds each stream, and loads
 *   the net or fs stream code for it, when the property is first read): most runs never read stdin
 *   nor write to stderr, and those streams cost a few ms of every start. Stdout is written with
 *   writeSync (a report is one write at the end, see output.ts), which needs no stream at all.
 */
export async function main(): Promise<void> {
  process.on('SIGINT', () => process.exit(EXIT.interrupted));
  const io: Io = { stdout: stdout(), stderr: output(() => process.stderr), stdin: stdin(), env: process.env, cwd: process.cwd() };
  process.exitCode = await run(process.argv.slice(2), io);
}

// Loaded only when a command asks whether a stream is a terminal: tty loads net and the streams.
const tty = lazyRequire<typeof Tty>('node:tty');

/** Exits on a broken or failing stream, as described above. */
function watch(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    // Anything else (a full disk behind `> file`, say): one line, if stderr still works.
    process.stderr.write(`skillscan: cannot write output (${error.code ?? error.message})\n`, () => process.exit(EXIT.failure));
    setTimeout(() => process.exit(EXIT.failure), 100).unref();
  });
  return stream;
}

/** An output on a standard stream, made (and watched) when first written or asked about. */
function output(open: () => NodeJS.WriteStream): Output {
  let stream: NodeJS.WriteStream | undefined;
  const get = (): NodeJS.WriteStream => (stream ??= watch(open()));
  return {
    write: (chunk) => get().write(chunk),
    get isTTY() {
      return get().isTTY;
    },
  };
}

/**
 * Stdout by writeSync; on any error (a pipe left non-blocking by another process: EAGAIN; a closed
 * reader: EPIPE; a full disk; no fd 1) the unwritten rest, and all later writes, go to
 * process.stdout, which deals with each as it always did (waits, exits quietly, reports, ignores).
 */
function stdout(): Output & { once(event: 'drain', listener: () => void): unknown } {
  let stream: NodeJS.WriteStream | undefined;
  const fallBack = (): NodeJS.WriteStream => (stream ??= watch(process.stdout));
  return {
    write: (chunk: string) => {
      if (stream) return stream.write(chunk);
      const bytes = Buffer.from(chunk);
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(1, bytes, done);
        return true;
      } catch {
        return fallBack().write(bytes.subarray(done));
      }
    },
    get isTTY() {
      return tty().isatty(1) || undefined;
    },
    // For writers that wait for 'drain' when write() returns false, which only the stream does.
    once: (event, listener) => fallBack().once(event, listener),
  };
}

/** Stdin as the commands see it: whether it is a terminal, and its bytes when iterated. */
function stdin(): NonNullable<Io['stdin']> {
  return {
    get isTTY() {
      return tty().isatty(0) || undefined;
    },
    [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator](),
  };
}

// For scripts/codeCache.cjs, which runs commands in-process to warm the code cache it saves.
export { run } from './program.js';
