#!/usr/bin/env node
// `npm run eval [-- eval options]`: the taxonomy's accuracy (issue 3) on the labelled ads of
// fixtures/eval, then — only when both exist — on hand-labelled records of the shared corpus
// (../shared/corpus/jobs.jsonl.gz, labels in fixtures/eval/corpus-labels.json: record id -> skill
// ids). Corpus texts are read at run time into a temporary folder and never committed.
// Extra arguments (thresholds, -f json) are passed to both runs; the exit code is the worst of them.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/skillscan.js');
const extra = process.argv.slice(2);
const corpus = join(root, '../shared/corpus/jobs.jsonl.gz');
const corpusLabels = join(root, 'fixtures/eval/corpus-labels.json');

function skillscan(args, cwd = root) {
  console.error(`$ skillscan ${args.join(' ')}${cwd === root ? '' : `   (in ${cwd})`}`);
  return spawnSync(process.execPath, [bin, ...args], { cwd, stdio: 'inherit' }).status ?? 2;
}

let code = skillscan(['eval', '--labels', 'fixtures/eval/labels.json', 'fixtures/eval/ads', ...extra]);

if (!existsSync(corpusLabels)) {
  console.error('\nskipping the corpus eval: no fixtures/eval/corpus-labels.json');
} else if (!existsSync(corpus)) {
  console.error('\nskipping the corpus eval: ../shared/corpus/jobs.jsonl.gz is not here');
} else {
  const labels = JSON.parse(readFileSync(corpusLabels, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'skillscan-corpus-eval-'));
  try {
    const found = await extractRecords(new Set(Object.keys(labels)), dir);
    const fileLabels = Object.fromEntries(
      Object.entries(labels)
        .filter(([id]) => found.has(id))
        .map(([id, v]) => [`${id}.md`, v]),
    );
    const lost = Object.keys(labels).filter((id) => !found.has(id));
    if (lost.length > 0)
      console.error(`\n${lost.length} labelled record(s) are not in the corpus: ${lost.slice(0, 5).join(', ')}${lost.length > 5 ? ', ...' : ''}`);
    writeFileSync(join(dir, 'labels.json'), JSON.stringify(fileLabels));
    console.error(`\ncorpus: ${found.size} hand-labelled records`);
    // Run inside the folder, so that documents are named by their corpus id.
    code = Math.max(code, skillscan(['eval', '--labels', 'labels.json', ...extra], dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exitCode = code;

/** Writes the text of every wanted record to DIR/<id>.md (ids are paths such as Python/2024-06/slug). */
async function extractRecords(wanted, dir) {
  const found = new Set();
  const lines = createInterface({ input: createReadStream(corpus).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    const id = /^\{"id": ?"((?:[^"\\]|\\.)*)"/.exec(line)?.[1];
    if (id === undefined || !wanted.has(JSON.parse(`"${id}"`))) continue;
    const record = JSON.parse(line);
    const file = join(dir, `${record.id}.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, record.text);
    found.add(record.id);
    if (found.size === wanted.size) break;
  }
  return found;
}
