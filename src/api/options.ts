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
