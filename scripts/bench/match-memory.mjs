#!/usr/bin/env node
// The matcher alone, CPU-bound: the corpus is read and parsed first (gunzipSync, no stream), then
// every text is matched. The bench runs one copy, then two at once: with nothing shared between the
// processes and no I/O hand-offs, their ratio is how far two cores of this machine scale for this work.
// Usage: node scripts/bench/match-memory.mjs CORPUS.jsonl[.gz] [DIST_DIR]   (prints one JSON line)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const file = process.argv[2];
const dist = resolve(process.argv[3] ?? join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../dist'));
const lib = await import(pathToFileURL(join(dist, 'index.js')).href);
const matcher = new lib.Scanner(lib.loadTaxonomy().compiled).matcher;
let raw = readFileSync(file);
if (file.endsWith('.gz')) raw = gunzipSync(raw);
const texts = raw
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line).text);
const start = process.hrtime.bigint();
let findings = 0;
for (const text of texts) findings += matcher.match(text).length;
console.log(JSON.stringify({ docs: texts.length, findings, matchSeconds: +(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2) }));
