import { EXIT, run } from './run.js';

/**
 * The process edge: the only code that touches `process`.
 * - A closed pipe (`skillscan ... | head -c 100`) ends the run quietly, with the exit code so far:
 *   the reader wanted no more, that is not an error worth a trace.
 * - Ctrl-C exits 130 at once. Reports are written whole at the end of a run (see output.ts), so an
 *   interrupted run leaves nothing on stdout, never half a JSON document.
 */
export async function main(): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
      // Anything else (a full disk behind `> file`, say): one line, if stderr still works.
      process.stderr.write(`skillscan: cannot write output (${error.code ?? error.message})\n`, () => process.exit(EXIT.failure));
      setTimeout(() => process.exit(EXIT.failure), 100).unref();
    });
  }
  process.on('SIGINT', () => process.exit(EXIT.interrupted));
  const stdin = process.stdin.isTTY ? Object.assign(process.stdin, { isTTY: true }) : process.stdin;
  process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin, env: process.env, cwd: process.cwd() });
}

// For scripts/codeCache.cjs, which runs commands in-process to warm the code cache it saves.
export { run } from './run.js';
