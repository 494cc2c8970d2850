#!/usr/bin/env node
// `npm run check:architecture`: the layers of src/ run one way. Every import (type-only ones too:
// they tie the layers as much as calls do) must go from a folder to one below it in LAYERS, or stay
// in its folder; the CLI imports only the library, the reporters and the model; no file is part of
// an import cycle. Prints each offence and exits 1; `--graph` prints the folder-level import graph.
//
// Hand-written instead of dependency-cruiser or madge: both parse TypeScript with the `typescript`
// package's JavaScript API, which TypeScript 7 (our compiler, native) no longer ships; our imports
// are all static relative specifiers, which one regular expression reads exactly.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

/** Top first. A folder may import the folders after it, never those before it. */
export const LAYERS = ['cli', 'api', 'parallel', 'pipeline', 'input', 'score', 'analyze', 'report', 'taxonomy', 'extract', 'match', 'util', 'model'];
/** Folders a folder may import beyond the layer order allows: none but what is listed narrows it. */
const ONLY = { cli: ['api', 'report', 'model', 'util'] };
/** src/index.ts, the package entry, re-exports the library. */
const ENTRY_MAY_IMPORT = ['api', 'model'];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

const layerOf = (file) => {
  const rel = relative(src, file).split('/');
  return rel.length === 1 ? '(entry)' : rel[0];
};

const files = sourceFiles(src);
const graph = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const targets = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    targets.push(posix.normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts'));
  }
  graph.set(file, targets);
}

const problems = [];
const rank = (layer) => LAYERS.indexOf(layer);
const folderEdges = new Map();
for (const [file, targets] of graph) {
  const from = layerOf(file);
  for (const target of targets) {
    if (!target.endsWith('.ts')) continue; // data files (JSON) are not modules of a layer
    const to = layerOf(target);
    if (from === to) continue;
    const key = `${from} -> ${to}`;
    folderEdges.set(key, (folderEdges.get(key) ?? 0) + 1);
    const where = `${relative(root, file)} imports ${relative(root, target)}`;
    if (from === '(entry)') {
      if (!ENTRY_MAY_IMPORT.includes(to)) problems.push(`${where}: the package entry re-exports the library (${ENTRY_MAY_IMPORT.join(', ')}) only`);
      continue;
    }
    if (rank(from) < 0) problems.push(`${where}: src/${from}/ is not a known layer (add it to LAYERS in scripts/check-architecture.mjs)`);
    else if (rank(to) < 0) problems.push(`${where}: src/${to}/ is not a known layer`);
    else if (rank(to) < rank(from)) problems.push(`${where}: ${from}/ may not import ${to}/, a layer above it`);
    else if (ONLY[from] && !ONLY[from].includes(to)) problems.push(`${where}: ${from}/ may import only ${ONLY[from].join(', ')}`);
  }
}

// Cycles among files: Tarjan's strongly connected components.
let index = 0;
const stack = [];
const info = new Map();
function connect(v) {
  const node = { index, low: index, onStack: true };
  index++;
  info.set(v, node);
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue;
    if (!info.has(w)) {
      connect(w);
      node.low = Math.min(node.low, info.get(w).low);
    } else if (info.get(w).onStack) node.low = Math.min(node.low, info.get(w).index);
  }
  if (node.low !== node.index) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    info.get(w).onStack = false;
    component.push(relative(root, w));
  } while (w !== v);
  const selfLoop = (graph.get(v) ?? []).includes(v);
  if (component.length > 1 || selfLoop) problems.push(`import cycle: ${component.sort().join(' <-> ')}`);
}
for (const v of graph.keys()) if (!info.has(v)) connect(v);

if (process.argv.includes('--graph')) {
  for (const [edge, n] of [...folderEdges].sort()) console.log(`${edge}  (${n})`);
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`\n${problems.length} architecture problem${problems.length === 1 ? '' : 's'} (layers, top first: ${LAYERS.join(' > ')})`);
  process.exit(1);
}
console.error(`architecture: ${files.length} modules, ${[...folderEdges.keys()].length} folder edges, all downward, no cycle`);
