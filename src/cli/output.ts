import { writeFileSync } from 'node:fs';
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
