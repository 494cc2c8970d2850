/** Everything a command may touch outside the core; `main.ts` fills it from `process`, tests fake it. */
export interface Io {
  stdout: Output;
  stderr: Output;
  /** Standard input; absent or a TTY means "nothing piped". */
  stdin?: AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
}
