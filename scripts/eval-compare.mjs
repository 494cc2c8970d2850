#!/usr/bin/env node
// Measures compare on the labelled ads (fixtures/eval, see its README): an empty CV against every
// ad, so every skill the ad asks is a gap with its level and years. Prints
// - preferred-level precision / recall / F1 over the skills both the labels and the tool found,
// - years accuracy: (skill, years) pairs right / pairs labelled.
// Usage: npm run eval:compare [-- EVAL_DIR] [--verbose]   (EVAL_DIR holds ads/ and labels.json)
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const dir = resolve(args.find((a) => !a.startsWith('-')) ?? join(root, 'fixtures/eval'));
const { compare } = await import(pathToFileURL(join(root, 'dist/index.js')).href);

const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'));
const files = readdirSync(join(dir, 'ads'))
  .filter((f) => labels[f])
  .sort();
const tmp = mkdtempSync(join(tmpdir(), 'skillscan-eval-'));
const cv = join(tmp, 'empty-cv.txt');
writeFileSync(cv, '');
// The library's compare, as `skillscan compare --cv EMPTY -f json ADS` computes it.
const result = await compare(cv, files, { cwd: join(dir, 'ads') }).finally(() => rmSync(tmp, { recursive: true, force: true }));
if (result.errors.length > 0) {
  for (const e of result.errors) console.error(`${e.source}: ${e.message}`);
  process.exit(2);
}

let tp = 0,
  fp = 0,
  fn = 0,
  yearsRight = 0,
  yearsLabelled = 0,
  yearsExtra = 0;
const notes = [];
for (const c of result.comparisons) {
  const label = labels[c.job];
  const found = new Map(c.missing.map((m) => [m.id, m]));
  for (const id of label.skills) {
    const m = found.get(id);
    if (!m) continue; // only skills both found
    const gold = label.preferred.includes(id);
    const got = m.level === 'preferred';
    if (gold && got) tp++;
    else if (got) {
      fp++;
      notes.push(`level  ${c.job}: ${id} is required, tool says preferred`);
    } else if (gold) {
      fn++;
      notes.push(`level  ${c.job}: ${id} is preferred, tool says required`);
    }
  }
  for (const [id, years] of Object.entries(label.years ?? {})) {
    yearsLabelled++;
    const got = found.get(id)?.years;
    if (got === years) yearsRight++;
    else notes.push(`years  ${c.job}: ${id} ${years}, tool says ${got ?? (found.has(id) ? 'none' : 'skill not found')}`);
  }
  for (const m of c.missing) {
    if (m.years === undefined || label.years?.[m.id] !== undefined) continue;
    yearsExtra++;
    notes.push(`years  ${c.job}: ${m.id} not labelled, tool says ${m.years}`);
  }
}
const precision = tp / (tp + fp || 1);
const recall = tp / (tp + fn || 1);
const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
if (verbose) for (const n of notes) console.log(n);
console.log(`ads: ${result.comparisons.length} (${dir})`);
console.log(`preferred level: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
console.log(`years: ${yearsRight}/${yearsLabelled} right (${((100 * yearsRight) / (yearsLabelled || 1)).toFixed(1)}%), ${yearsExtra} unlabelled figures given`);
