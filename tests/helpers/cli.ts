import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/program.js';
import type { Io } from '../../src/cli/io.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = `${ROOT}bin/skillscan.js`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Text piped to stdin; undefined means an interactive terminal (nothing piped). */
  stdin?: string | Buffer;
  cwd?: string;
  env?: Record<string, string>;
}

/** Runs the CLI in this process through `run(argv, io)`. */
export async function runInProcess(args: string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: { ...options.env },
    cwd: options.cwd ?? ROOT,
  };
  if (options.stdin !== undefined) {
    const bytes = Buffer.from(options.stdin);
    io.stdin = Object.assign(
      (async function* () {
        if (bytes.length > 0) yield bytes;
      })(),
      { isTTY: false },
    );
  }
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** Runs the built bin as a subprocess, as a user or CI script would. */
export function runSubprocess(args: string[], options: CliOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.stdin ?? '',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    encoding: 'utf8',
    // No stdin given: inherit nothing, like a terminal with nothing piped is not possible here, so
    // tests that need "no stdin" only run in-process.
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export type Runner = (args: string[], options?: CliOptions) => Promise<CliResult>;

/** The same table of CLI cases runs through both. */
export const RUNNERS: [string, Runner][] = [
  ['in-process', runInProcess],
  ['subprocess', async (args, options) => runSubprocess(args, options)],
];
