import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveInputs } from '../input/sources.js';
import type { CompiledTaxonomy } from '../model/compiled.js';
import { UsageError } from '../model/errors.js';
import { closest } from '../util/similar.js';
import { ConfigError } from './config.js';

export { DEFAULT_MAX_BYTES, formatBytes, maxSizeOption, parseSize } from '../input/read.js';
export { assertInputs } from '../input/sources.js';

/**
 * Ignored skill ids must be skills of the taxonomy: a typo would silently ignore nothing. `where`
 * says where they were set ('command line', or the configuration file and line).
 */
export function checkIgnored(ids: readonly string[], taxonomy: CompiledTaxonomy, where: string): void {
  const known = new Set(taxonomy.skills.map((s) => s.id));
  for (const id of ids) {
    if (known.has(id)) continue;
    const guess = closest(id, known);
    const message = `ignore: unknown skill "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`;
    throw where === 'command line' ? new UsageError(message) : new ConfigError(`${where}: ${message}`);
  }
}

/**
 * Refuses an output file that is also one of the inputs (the same file by any path, link or folder
 * walk): writing the report over it would destroy what is being read. Only an existing output can
 * be one, so the inputs are resolved only then.
 */
export async function assertOutputNotInput(output: string | undefined, inputs: readonly string[], cwd: string): Promise<void> {
  if (output === undefined || output === '-') return;
  const target = statQuietly(resolve(cwd, output));
  if (!target?.isFile()) return;
  const { sources } = await resolveInputs(
    inputs.filter((i) => i !== '-'),
    cwd,
  );
  for (const source of sources) {
    if (source.kind !== 'file') continue;
    const input = statQuietly(source.path);
    if (input && input.dev === target.dev && input.ino === target.ino) {
      throw new UsageError(`-o ${output} is also an input (${source.display}): refusing to write the report over it`, 'write the report to another file');
    }
  }
}

function statQuietly(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
