import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompiledTaxonomy, CompiledTaxonomyFile } from '../model/compiled.js';
import { workerFile } from './pool.js';

/**
 * Runs `work` with the compiled taxonomy as a file for report workers to load (parsing JSON there is
 * cheaper than cloning the object into each): the build's file for the shipped taxonomy, else a
 * temporary copy, removed afterwards. Without a worker build, `work` gets no file and runs in-thread.
 */
export async function withTaxonomyFile<T>(
  taxonomy: { compiled: CompiledTaxonomy; compiledFile?: string },
  work: (path: string | undefined) => Promise<T>,
): Promise<T> {
  if (!workerFile()) return work(undefined);
  if (taxonomy.compiledFile !== undefined) return work(taxonomy.compiledFile);
  const dir = mkdtempSync(join(tmpdir(), 'skillscan-'));
  try {
    const path = join(dir, 'taxonomy.compiled.json');
    writeFileSync(path, JSON.stringify({ taxonomy: taxonomy.compiled } satisfies CompiledTaxonomyFile));
    return await work(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
