import { fileURLToPath } from 'node:url';
import { Scanner } from '../../src/pipeline/scanner.js';
import { loadTaxonomy } from '../../src/taxonomy/index.js';

/** The small complete test taxonomy (fixtures/taxonomies/mini.yaml), without the built-in one. */
export const MINI_PATH = fileURLToPath(new URL('../../fixtures/taxonomies/mini.yaml', import.meta.url));
export const mini = loadTaxonomy({ files: [MINI_PATH], noBuiltin: true });
export const miniScanner = new Scanner(mini.compiled);

/** Ids of the skills named (not implied) in `text`, with the mini taxonomy. */
export function namedIn(text: string, scanner = miniScanner): string[] {
  return scanner
    .scanText(text)
    .skills.filter((s) => !s.implied)
    .map((s) => s.id)
    .sort();
}
