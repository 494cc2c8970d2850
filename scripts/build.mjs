#!/usr/bin/env node
// Build: bundle the CLI and the library with esbuild (one file to load at start instead of
// a hundred modules: cold start is the figure users feel), compile the shipped taxonomy YAML to JSON (parsing
// it costs far more than a start should), and emit type declarations with tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const quiet = process.argv.includes('--quiet');
const log = (s) => quiet || console.error(s);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// commander requires node:child_process when it loads, for executable subcommands skillscan never
// uses; that module drags in net, dgram and streams at every start. Require it on first use.
const lazyCommanderChildProcess = {
  name: 'lazy-commander-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) return undefined; // a commander that changed: bundle it as it is
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

// chalk's default instance asks supports-color about the terminal when chalk loads, and that
// imports tty (which loads net and the streams) and os. skillscan only makes its own instances, with
// the level it decided (src/cli/color.ts, src/api/format.ts): give chalk its stub that says 'no colour'.
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => ({ path: join(dirname(args.importer), 'vendor/supports-color/browser.js') }));
  },
};

await build({
  entryPoints: { index: join(root, 'src/index.ts') },
  outdir: dist,
  bundle: true,
  splitting: true, // code loaded on demand (yaml, fast-glob, extractors) stays in its own chunk
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  legalComments: 'none',
  // Bundled CommonJS dependencies call require(); ESM output needs one made for them.
  banner: { js: "import { createRequire as __skillscanRequire } from 'node:module'; const require = __skillscanRequire(import.meta.url);" },
  plugins: [lazyCommanderChildProcess, chalkWithoutDetection],
  logLevel: 'warning',
});

// The CLI and the report worker: one CommonJS file each, with these settings.
const commonJsBundle = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Optional dependencies stay outside and are required, not imported: the CLI runs as a vm.Script
  // (for its code cache), where `import()` has no loader in Node 20. All of them ship CommonJS.
  supported: { 'dynamic-import': false },
  sourcemap: 'linked',
  legalComments: 'none',
  // The sources find their package files (the taxonomy, schemas, the worker) from import.meta.url.
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
  logLevel: 'warning',
};

// The CLI (bin/skillscan.js loads it). Every start pays for its modules: ESM chunks cost more to
// resolve, load and link than one CommonJS script, whose commands and reporters still run
// only when used (esbuild wraps each lazily imported module in an init function). The big optional
// dependencies stay outside, required from node_modules when needed.
await build({
  ...commonJsBundle,
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(dist, 'cli.cjs'),
  external: ['unpdf', 'mammoth', 'fast-glob'],
  plugins: [lazyCommanderChildProcess, chalkWithoutDetection],
});
// The report worker, for the same reason: it starts while the main thread reads the first chunk, and
// its start is on the critical path of `report --jobs 1`: from spawn to its first answer (taxonomy
// loaded) is shorter from one CommonJS file than from ESM chunks.
await build({
  ...commonJsBundle,
  entryPoints: [join(root, 'src/parallel/worker.ts')],
  outfile: join(dist, 'worker.cjs'),
  external: ['unpdf', 'mammoth'],
});
log('bundled dist/cli.cjs, dist/index.js, dist/worker.cjs');

// The JSON Schemas of the outputs ship as files (`skillscan schema KIND` prints them verbatim).
const schemas = join(root, 'src/model/schema');
if (existsSync(schemas)) {
  for (const f of readdirSync(schemas).filter((n) => n.endsWith('.schema.json'))) cpSync(join(schemas, f), join(dist, 'schema', f));
}

const lib = await import(pathToFileURL(join(dist, 'index.js')).href);
const manifest = lib.builtinManifestPath();
const taxonomy = lib.mergeLayers([lib.loadTaxonomyLayer(manifest)]);
const compiled = lib.compileTaxonomy(taxonomy);
// The matcher's hash table and trie, built once here instead of at every start, by the pipeline's
// own Scanner (so with the cue words it marks).
const matchIndex = new lib.Scanner(compiled).matcher.exportIndex();
// Positions point at the package's own files, relative to its root, not at this machine's paths.
const rel = (pos) => pos && { ...pos, file: relative(root, pos.file) };
const portable = {
  ...taxonomy,
  files: taxonomy.files.map((f) => relative(root, f)),
  skills: taxonomy.skills.map((s) => ({
    ...s,
    at: rel(s.at),
    aliasAt: s.aliasAt?.map(rel),
    impliesAt: s.impliesAt?.map(rel),
    ambiguous: s.ambiguous.map((a) => ({ ...a, at: rel(a.at) })),
  })),
  categories: taxonomy.categories.map((c) => ({ ...c, at: rel(c.at) })),
  cues: taxonomy.cues.map((c) => ({ ...c, at: rel(c.at), phraseAt: c.phraseAt?.map(rel) })),
};
writeFileSync(join(dist, 'taxonomy.source.json'), JSON.stringify(portable));
// Pure ASCII (other characters as \u escapes): read as a one-byte string, which decodes and parses
// faster at every start than the two-byte string a single "ü" makes of the whole file.
const asciiJson = (value) => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(join(dist, 'taxonomy.compiled.json'), asciiJson({ taxonomy: compiled, matchIndex }));
log(`compiled taxonomy: ${compiled.skills.length} skills, ${compiled.patterns.length} patterns`);

// The V8 code cache of dist/cli.cjs, made in a fresh Node after a scan in each of two formats, so it
// holds the functions a common run compiles (bin/skillscan.js explains its use). A separate process:
// V8 only accepts a cache made with the same flags, and this one has esbuild and the library loaded.
execFileSync(process.execPath, [join(root, 'scripts/codeCache.cjs')], { stdio: 'inherit' });
log('code cache in dist/cli.cjs.cache');

if (!process.argv.includes('--no-types')) {
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'tsconfig.json'), '--emitDeclarationOnly', '--outDir', join(dist, 'types')], {
    stdio: 'inherit',
  });
  log('types in dist/types');
}
