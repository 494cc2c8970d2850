import { run } from './run.js';

/**
 * The process edge: the only code that touches `process`. A closed pipe (`skillscan ... | head`)
 * ends the run quietly; Ctrl-C exits 130.
 */
export async function main(): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.on('SIGINT', () => process.exit(130));
  const stdin = process.stdin.isTTY ? Object.assign(process.stdin, { isTTY: true }) : process.stdin;
  process.exitCode = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin, env: process.env, cwd: process.cwd() });
}
