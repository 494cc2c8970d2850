import { createRequire } from 'node:module';

// Not named `require`, so that esbuild leaves these calls alone: the module is loaded from
// node_modules at run time instead of being bundled into the code every start parses.
const load = createRequire(import.meta.url);

/**
 * A CommonJS dependency loaded synchronously on first use. For what only some runs need and sync
 * APIs must reach: yaml (user taxonomies), natural's stemmer (compiling a taxonomy) and edit
 * distance (suggestions). Bundled, they would be parsed at every start; `await import()` would have forced `loadTaxonomy` to become async.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(id) as T);
}
