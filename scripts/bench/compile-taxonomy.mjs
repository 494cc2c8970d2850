#!/usr/bin/env node
// Times loading (YAML + validation), compiling and building the matcher for one complete taxonomy
// file, in a fresh process. Usage: node scripts/bench/compile-taxonomy.mjs FILE.yaml [DIST_DIR]
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = resolve(process.argv[3] ?? join(fileURLToPath(new URL('.', import.meta.url)), '../../dist'));
const lib = await import(pathToFileURL(join(dist, 'index.js')).href);
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
const t0 = process.hrtime.bigint();
const taxonomy = lib.mergeLayers([lib.loadTaxonomyLayer(process.argv[2])]);
const loadMs = ms(t0);
const t1 = process.hrtime.bigint();
const compiled = lib.compileTaxonomy(taxonomy);
const compileMs = ms(t1);
const t2 = process.hrtime.bigint();
new lib.Matcher(compiled);
const matcherMs = ms(t2);
console.log(JSON.stringify({ skills: compiled.skills.length, patterns: compiled.patterns.length, loadMs, compileMs, matcherMs, totalMs: ms(t0) }));
