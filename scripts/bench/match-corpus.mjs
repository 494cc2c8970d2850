#!/usr/bin/env node
// The matcher hot path on the corpus, streamed exactly like ../shared/bench/baseline.mjs (gunzip +
// readline + JSON.parse per line), with `scanner.matcher.match(text)` (tokenizer + trie + ambiguity
// rules) in place of the baseline's token count: the cost `report` pays per ad before aggregating.
// Usage: node scripts/bench/match-corpus.mjs CORPUS.jsonl[.gz] [DIST_DIR]   (prints one JSON line)
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';

const file = process.argv[2];
const dist = resolve(process.argv[3] ?? join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../dist'));
const start = process.hrtime.bigint();
const lib = await import(pathToFileURL(join(dist, 'index.js')).href);
const taxonomy = lib.loadTaxonomy();
const scanner = new lib.Scanner(taxonomy.compiled, taxonomy.matchIndex); // as scan and report make it
let input = createReadStream(file);
if (file.endsWith('.gz')) input = input.pipe(createGunzip());
let docs = 0;
let findings = 0;
let bytes = 0;
let checksum = 0; // depends on every finding, so a change in behaviour shows as a different figure
for await (const line of createInterface({ input, crlfDelay: Infinity })) {
  if (!line) continue;
  const { text } = JSON.parse(line);
  bytes += Buffer.byteLength(text);
  docs++;
  for (const f of scanner.matcher.match(text)) {
    findings++;
    checksum = (Math.imul(checksum, 31) + f.skill * 7 + f.start * 3 + f.end) | 0;
  }
}
const s = Number(process.hrtime.bigint() - start) / 1e9;
console.log(
  JSON.stringify({
    docs,
    findings,
    checksum,
    textMB: +(bytes / 1e6).toFixed(1),
    seconds: +s.toFixed(2),
    MBps: +(bytes / 1e6 / s).toFixed(1),
    maxRSS_MB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
