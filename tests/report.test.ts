import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Scanner, loadTaxonomy } from '../src/index.js';
import { aggregateInputs } from '../src/parallel/aggregateInputs.js';
import { workerFile } from '../src/parallel/pool.js';
import { Aggregate, Tallier } from '../src/score/aggregate.js';
import { buildReport } from '../src/score/report.js';
import { createProgress, progressLine } from '../src/cli/progress.js';
import { csvField } from '../src/report/reportCsv.js';
import { RUNNERS, ROOT, runInProcess } from './helpers/cli.js';
import { schemaErrors } from './helpers/reportSchema.js';

const ADS = 'fixtures/report/ads.jsonl';
const BROKEN = 'fixtures/report/broken.jsonl';
const adLines = readFileSync(join(ROOT, ADS), 'utf8').trim().split('\n');

function reportJson(stdout: string): any {
  const report = JSON.parse(stdout);
  expect(schemaErrors('report', report)).toEqual([]);
  return report;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'skillscan-report-'));
}

describe.each(RUNNERS)('skillscan report (%s)', (_mode, cli) => {
  it('counts JSON Lines ads: documents, shares, categories, pairs, scores (schema-valid JSON)', async () => {
    const r = await cli(['report', '--jsonl', ADS, '-f', 'json', '--top', '0']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = reportJson(r.stdout);
    expect(report.documents).toBe(60);
    expect(report.errors).toEqual([]);
    const postgres = report.skills.find((s: any) => s.id === 'postgresql');
    expect(postgres.documents).toBe(adLines.filter((l) => l.includes('PostgreSQL')).length);
    expect(postgres.share).toBeCloseTo(postgres.documents / 60, 4);
    // Total order: documents desc, mentions desc, id asc.
    for (const [a, b] of report.skills.slice(1).map((s: any, i: number) => [report.skills[i], s])) {
      expect(a.documents > b.documents || (a.documents === b.documents && (a.mentions > b.mentions || (a.mentions === b.mentions && a.id < b.id)))).toBe(true);
    }
    // The non-technical ads name nothing: the languages category cannot reach 100%.
    const languages = report.categories.find((c: any) => c.id === 'languages');
    expect(languages.documents).toBeLessThanOrEqual(56);
    expect(report.scores.histogram.reduce((n: number, b: any) => n + b.documents, 0)).toBe(60);
    expect(report.scores.histogram[0].documents).toBeGreaterThanOrEqual(4);
    const top = report.pairs[0];
    expect(report.raw.pairs.find((p: any) => p[0] === top.skills[0] && p[1] === top.skills[1])[2]).toBe(top.documents);
    expect(report.levels.required + report.levels.preferred + report.levels.unknown).toBe(report.skills.reduce((n: number, s: any) => n + s.documents, 0));
  });

  it('reports a malformed line as file:LINE: reason, counts the rest, exits 2', async () => {
    const r = await cli(['report', '--jsonl', BROKEN, '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${BROKEN}:2: invalid JSON`);
    expect(r.stderr).toContain(`${BROKEN}:3: not a JSON object`);
    expect(r.stderr).toContain(`${BROKEN}:5: no "text" string`);
    expect(r.stderr).not.toContain('at ');
    const report = reportJson(r.stdout);
    expect(report.documents).toBe(3);
    expect(report.errors.map((e: any) => e.source)).toEqual([`${BROKEN}:2`, `${BROKEN}:3`, `${BROKEN}:5`]);
  });

  it('reads gzip by its magic bytes, from a file or stdin, with the same result', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const gz = join(dir, 'ads.data');
    writeFileSync(gz, gzipSync(readFileSync(join(ROOT, ADS))));
    const plain = await cli(['report', '--jsonl', ADS, '-f', 'json']);
    const zipped = await cli(['report', '--jsonl', gz, '-f', 'json']);
    const piped = await cli(['report', '--jsonl', '-', '-f', 'json'], { stdin: gzipSync(readFileSync(join(ROOT, ADS))) });
    expect(zipped.code).toBe(0);
    expect(JSON.parse(zipped.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(JSON.parse(piped.stdout)).toEqual(JSON.parse(plain.stdout));
  });

  it('limits to categories (comma list or repeated) and suggests a name for an unknown one', async () => {
    const r = await cli(['report', '--jsonl', ADS, '-f', 'json', '--category', 'databases,cloud', '--category', 'languages']);
    const report = reportJson(r.stdout);
    expect(report.categoryFilter).toEqual(['databases', 'cloud', 'languages']);
    expect(new Set(report.skills.map((s: any) => s.category))).toEqual(new Set(['databases', 'cloud', 'languages']));
    expect(report.categories.map((c: any) => c.id)).toEqual(['languages', 'databases', 'cloud']);
    const bad = await cli(['report', '--jsonl', ADS, '--category', 'databse']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown category "databse" (did you mean "databases"?)');
    expect(bad.stdout).toBe('');
  });

  it('splits a corpus into parts, reports each, merges them: exactly the report of one run', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const cuts = [0, 7, 31, 32, 60];
    const parts: string[] = [];
    for (let p = 0; p + 1 < cuts.length; p++) {
      const file = join(dir, `part-${p}.jsonl`);
      writeFileSync(file, `${adLines.slice(cuts[p], cuts[p + 1]).join('\n')}\n`);
      const out = join(dir, `part-${p}.json`);
      expect((await cli(['report', '--jsonl', file, '-f', 'json', '--top', '3', '-o', out])).code).toBe(0);
      parts.push(out);
    }
    for (const top of ['25', '0']) {
      const whole = reportJson((await cli(['report', '--jsonl', ADS, '-f', 'json', '--top', top])).stdout);
      const merged = reportJson((await cli(['report', '--merge', ...parts, '-f', 'json', '--top', top])).stdout);
      expect(merged).toEqual(whole);
    }
  });

  it("adds up scan -f jsonl lines (a mapper's output) to the same report", { timeout: 30_000 }, async () => {
    const scanned = await cli(['scan', '--jsonl', ADS, '-f', 'jsonl']);
    expect(scanned.code).toBe(0);
    const lines = scanned.stdout.trim().split('\n');
    expect(lines).toHaveLength(60);
    const first = JSON.parse(lines[0]!);
    expect(first).toEqual(expect.objectContaining({ source: 'ad-001', score: expect.any(Number), skills: expect.any(Array) }));
    expect(JSON.parse(lines[6]!).source).toBe(`${ADS}:7`); // ad 7 has no id
    const fromScan = await cli(['report', '--from-scan', '-', '-f', 'json'], { stdin: scanned.stdout });
    const direct = await cli(['report', '--jsonl', ADS, '-f', 'json']);
    expect(JSON.parse(fromScan.stdout)).toEqual(JSON.parse(direct.stdout));
  });

  it('counts plain files and directories as one document each, and says what failed', async () => {
    const r = await cli(['report', 'fixtures/jobs', 'missing.txt', '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.txt: no such file or directory');
    expect(reportJson(r.stdout).documents).toBe(5); // four ads and their README
  });

  it('draws a table with bars, and never a progress bar when stderr is not a terminal', async () => {
    const r = await cli(['report', '--jsonl', ADS, '--no-color', '--top', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Skill demand in 60 documents/);
    expect(r.stdout).toMatch(/█/);
    expect(r.stdout).toMatch(/Scores — mean \d/);
    expect(r.stderr).toBe('');
  });

  it('writes CSV (one row per skill, RFC 4180), Markdown tables and a self-contained HTML page', { timeout: 30_000 }, async () => {
    const csv = await cli(['report', '--jsonl', ADS, '-f', 'csv', '--top', '0']);
    const rows = csv.stdout.split('\r\n');
    expect(rows[0]).toBe('id,name,category,documents,share,mentions,implied,required,preferred,unknown');
    expect(rows.at(-1)).toBe('');
    const json = reportJson((await cli(['report', '--jsonl', ADS, '-f', 'json', '--top', '0'])).stdout);
    expect(rows.length - 2).toBe(json.skills.length);
    const md = await cli(['report', '--jsonl', ADS, '-f', 'markdown']);
    expect(md.stdout).toMatch(/^## Skill demand in 60 documents/);
    expect(md.stdout).toContain('| # | Skill | Category | Documents | Share |');
    const html = await cli(['report', '--jsonl', ADS, '-f', 'html']);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html.stdout).not.toContain('<script');
    expect((html.stdout.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(5);
    expect(html.stdout).toContain('prefers-color-scheme:dark');
  });

  it('refuses --merge with --jsonl, and a part that is not a report', async () => {
    expect((await cli(['report', '--merge', '--jsonl', ADS])).code).toBe(2);
    const r = await cli(['report', '--merge', ADS, '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${ADS}: invalid JSON`);
  });
});

describe('report internals', () => {
  it('quotes CSV fields so that they parse back (property)', () => {
    const parse = (line: string): string[] => {
      const out: string[] = [];
      const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/gy;
      let m: RegExpExecArray | null;
      while (re.lastIndex < line.length && (m = re.exec(line))) out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
      return out;
    };
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 5 }), (fields) => {
        expect(parse(fields.map(csvField).join(','))).toEqual(fields);
      }),
    );
  });

  it('draws progress on a terminal only, on stderr, after half a second, and clears it', () => {
    let clock = 0;
    const written: string[] = [];
    const io = {
      stdout: {
        write: () => {
          throw new Error('progress on stdout');
        },
      },
      stderr: { write: (s: string) => written.push(s), isTTY: true },
      env: {},
      cwd: ROOT,
    };
    const progress = createProgress(io, true, () => clock);
    progress.update({ documents: 10, bytes: 10, totalBytes: 100 });
    expect(written).toEqual([]); // too early: short runs stay quiet
    clock = 2000;
    progress.update({ documents: 5000, bytes: 50, totalBytes: 100 });
    expect(written[0]).toMatch(/^\r\[█{12}·{12}\] {2}50% {2}5,000 docs {2}2,500 docs\/s {2}ETA 2s/);
    progress.done();
    expect(written.at(-1)).toBe('\r\x1b[K');
    const piped: string[] = [];
    const quiet = createProgress({ ...io, stderr: { write: (s: string) => piped.push(s), isTTY: false } }, true, () => (clock += 1000));
    quiet.update({ documents: 1, bytes: 1 });
    quiet.done();
    expect(piped).toEqual([]);
    expect(progressLine({ documents: 1234, bytes: 0 }, 2)).toBe('1,234 docs  617 docs/s');
  });

  const loaded = loadTaxonomy();
  const taxonomy = loaded.compiled;

  it.skipIf(!workerFile())('gives the same counts with 1 thread or several workers (deterministic merge)', async () => {
    const sources = [
      { kind: 'file' as const, path: join(ROOT, ADS), display: ADS },
      { kind: 'file' as const, path: join(ROOT, BROKEN), display: BROKEN },
    ];
    const base = { taxonomy, jsonl: true, maxBytes: 1e9, chunkBytes: 2048 };
    const single = await aggregateInputs(sources, { ...base, jobs: 1 });
    const options = { top: 0, categories: [], errors: [] };
    // Workers parsing their chunks, or this thread parsing them and handing workers the texts.
    for (const parseHere of [false, true]) {
      const pooled = await aggregateInputs(sources, { ...base, jobs: 2, parseHere, taxonomyPath: join(ROOT, 'dist/taxonomy.compiled.json') });
      expect(buildReport(pooled.counts, taxonomy, options)).toEqual(buildReport(single.counts, taxonomy, options));
      expect(pooled.errors).toEqual(single.errors);
    }
    expect(single.errors.map((e) => e.source)).toEqual([`${BROKEN}:2`, `${BROKEN}:3`, `${BROKEN}:5`]);
    expect(single.counts.documents).toBe(63);
  });

  it.skipIf(!workerFile())('names each file that fails in a batch read by workers, in input order, as one thread does', async () => {
    const dir = tempDir();
    const ads = adLines.map((line, i) => {
      const path = join(dir, `ad-${String(i).padStart(2, '0')}.txt`);
      writeFileSync(path, JSON.parse(line).text);
      return path;
    });
    const bad = ['fixtures/inputs/image.png', 'fixtures/inputs/empty.txt', 'fixtures/inputs/nul-bytes.txt', 'no/such.txt', 'fixtures'];
    const paths = [...ads.slice(0, 20), bad[0]!, ...ads.slice(20, 45), bad[1]!, bad[2]!, ...ads.slice(45), bad[3]!, bad[4]!];
    const sources = paths.map((path) => ({ kind: 'file' as const, path: resolve(ROOT, path), display: path }));
    const base = { taxonomy, jsonl: false, maxBytes: 1e9, chunkBytes: 4096 };
    const single = await aggregateInputs(sources, { ...base, jobs: 1 });
    const pooled = await aggregateInputs(sources, { ...base, jobs: 2, taxonomyPath: join(ROOT, 'dist/taxonomy.compiled.json') });
    expect(single.errors.map((e) => e.source)).toEqual(bad);
    expect(single.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^binary file/),
      'empty file, nothing to scan',
      expect.stringMatching(/^binary file/),
      'no such file or directory',
      'is a directory',
    ]);
    expect(pooled.errors).toEqual(single.errors);
    expect(single.counts.documents).toBe(60);
    const options = { top: 0, categories: [], errors: [] };
    expect(buildReport(pooled.counts, taxonomy, options)).toEqual(buildReport(single.counts, taxonomy, options));
  });

  it('scores a tally exactly as scan scores the document (property)', () => {
    const scanner = new Scanner(taxonomy);
    const tallier = new Tallier(taxonomy);
    const words = [
      'Python',
      'Django',
      'Go',
      'developer',
      'PostgreSQL',
      'Kubernetes',
      'AWS',
      'and',
      'React',
      'Spring Boot',
      'with',
      'Redis',
      'the',
      'Kafka',
      'C#',
      '.NET',
      'Terraform',
      'nurse',
      ',',
      'Java',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (parts) => {
        const text = parts.join(' ');
        const doc = scanner.scanText(text);
        const tally = tallier.tally(scanner.matcher.match(text));
        expect(tally.score).toBe(doc.score);
        expect(tally.named.map((s) => taxonomy.skills[s]!.id).sort()).toEqual(
          doc.skills
            .filter((s) => !s.implied)
            .map((s) => s.id)
            .sort(),
        );
        expect(tally.implied.map((s) => taxonomy.skills[s]!.id).sort()).toEqual(
          doc.skills
            .filter((s) => s.implied)
            .map((s) => s.id)
            .sort(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('lists the same first pairs whatever --top is, and raw pairs sorted by id (property)', () => {
    const n = taxonomy.skills.length;
    const skill = fc.integer({ min: 0, max: Math.min(n, 40) - 1 });
    const doc = fc.uniqueArray(skill, { maxLength: 8 }).map((named) => named.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 30 }), fc.integer({ min: 1, max: 30 }), (docs, top) => {
        const aggregate = new Aggregate(taxonomy);
        for (const named of docs) aggregate.add({ named, mentions: named.map(() => 1), levels: named.map(() => undefined), implied: [], score: 50 });
        const all = buildReport(aggregate.counts(), taxonomy, { top: 0, categories: [], errors: [] });
        const some = buildReport(aggregate.counts(), taxonomy, { top, categories: [], errors: [] });
        expect(some.pairs).toEqual(all.pairs.slice(0, top));
        const keys = all.raw.pairs.map(([a, b]) => `${a}\u0000${b}`);
        expect(keys).toEqual([...keys].sort());
        expect(all.raw.pairs.length).toBe(all.pairs.length);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a level from each mention as scan does: preferred only when every mention is', () => {
    const tallier = new Tallier(taxonomy);
    const python = taxonomy.skills.findIndex((s) => s.id === 'python');
    const at = (levels: ('required' | 'preferred' | undefined)[]) =>
      tallier.tally(
        levels.map((_, i) => ({ skill: python, start: i, end: i + 1 })),
        (offset) => levels[offset],
      ).levels[0];
    expect(at(['preferred', 'preferred'])).toBe('preferred');
    expect(at(['preferred', undefined])).toBe('required');
    expect(at([undefined, 'preferred'])).toBe('required');
    expect(at([undefined, undefined])).toBeUndefined();
    expect(at(['required', 'preferred'])).toBe('required');
  });

  it("splits skills into required and preferred from the ad's parts, or leaves them unknown (--no-levels)", async () => {
    const withLevels = JSON.parse((await runInProcess(['report', '--jsonl', ADS, '-f', 'json', '--top', '0'])).stdout);
    // Every generated ad lists its nice-to-have skill under "Nice to have:".
    expect(withLevels.levels.preferred).toBeGreaterThanOrEqual(50);
    expect(withLevels.levels.required).toBeGreaterThan(withLevels.levels.preferred);
    const without = JSON.parse((await runInProcess(['report', '--jsonl', ADS, '-f', 'json', '--top', '0', '--no-levels'])).stdout);
    expect(without.levels).toEqual({
      required: 0,
      preferred: 0,
      unknown: withLevels.levels.required + withLevels.levels.preferred + withLevels.levels.unknown,
    });
    expect(without.skills.map((s: any) => [s.id, s.documents])).toEqual(withLevels.skills.map((s: any) => [s.id, s.documents]));
  });

  it('takes --jobs and prints nothing but the report on stdout', async () => {
    const one = await runInProcess(['report', '--jsonl', ADS, '-f', 'json', '--jobs', '1']);
    const two = await runInProcess(['report', '--jsonl', ADS, '-f', 'json', '--jobs', '2']);
    expect(two.stdout).toBe(one.stdout);
    expect((await runInProcess(['report', '--jsonl', ADS, '--jobs', '0'])).code).toBe(2);
  });
});
