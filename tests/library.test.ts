// The package entry (dist/index.js, as `import 'skillscan'` resolves it) against the CLI: the same
// input gives the same data.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, RUNNERS } from './helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const entry = join(ROOT, pkg.exports['.'].import);
const lib = await import(pathToFileURL(entry).href);
const LAYER = join(ROOT, 'fixtures/taxonomy-cli/layer-ok.yaml');

describe.each(RUNNERS)('library = CLI (%s)', (_mode, cli) => {
  it('scanFiles returns what scan -f json prints, for files, folders, globs and failures', async () => {
    const inputs = ['fixtures/jobs', 'fixtures/evaluate/ads/*.txt', 'no/such.txt'];
    const fromCli = JSON.parse((await cli(['scan', ...inputs, '-f', 'json'])).stdout);
    const fromLib = await lib.scanFiles(inputs, { cwd: ROOT });
    expect(JSON.parse(JSON.stringify(fromLib))).toEqual(fromCli);
  });

  it('loadTaxonomy({ files }) + scanText equals scan -t FILE on stdin; ignore equals --ignore', async () => {
    const text = 'We build in Go on PostgreSQL with AcmeLedger and Docker.';
    const fromCli = JSON.parse((await cli(['scan', '-t', LAYER, '--ignore', 'docker', '-f', 'json'], { stdin: text })).stdout);
    const taxonomy = lib.loadTaxonomy({ files: [LAYER] });
    const doc = lib.scanText(text, { taxonomy, ignore: ['docker'] });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(fromCli.documents[0]);
    expect(doc.skills.map((s: any) => s.id)).toContain('acme-ledger');
  });

  it('formatScan gives the text of every format as the CLI prints it', async () => {
    const result = await lib.scanFiles(['fixtures/jobs/python-backend.md'], { cwd: ROOT });
    for (const format of ['table', 'json', 'jsonl', 'markdown', 'csv']) {
      expect(lib.formatScan(result, format)).toBe((await cli(['scan', 'fixtures/jobs/python-backend.md', '-f', format, '--no-color'])).stdout);
    }
  });
});

describe('package entry', () => {
  it('declares types for every documented function', () => {
    const types = join(ROOT, pkg.types);
    expect(pkg.exports['.'].types).toBe(`./${pkg.types}`);
    expect(existsSync(types)).toBe(true);
    // The entry re-exports the library (src/api/index.ts): its declarations are there.
    expect(readFileSync(types, 'utf8')).toContain("export * from './api/index.js'");
    const dts = readFileSync(join(dirname(types), 'api/index.d.ts'), 'utf8');
    for (const name of ['loadTaxonomy', 'scanText', 'scanFiles', 'formatScan', 'evaluate', 'jsonSchema']) expect(dts).toContain(name);
    expect(typeof lib.scanFiles).toBe('function');
    expect(lib.VERSION).toBe(pkg.version);
  });

  it('scanText uses the built-in taxonomy by default', () => {
    const doc = lib.scanText('Backend engineer: Go, PostgreSQL, Kubernetes');
    expect(doc.skills.filter((s: any) => !s.implied).map((s: any) => s.name)).toEqual(['Go', 'PostgreSQL', 'Kubernetes']);
  });
});

describe.each(RUNNERS)('library compare = CLI compare (%s)', (_mode, cli) => {
  it('compare(cv, jobs) returns what compare -f json prints, with ignore = --ignore', async () => {
    const args = ['fixtures/jobs/python-backend.md', 'fixtures/jobs/java-spring-crlf.txt', 'no/such.txt'];
    const fromCli = JSON.parse((await cli(['compare', '--cv', 'fixtures/jobs/node-fullstack.txt', ...args, '--ignore', 'docker', '-f', 'json'])).stdout);
    const fromLib = await lib.compare('fixtures/jobs/node-fullstack.txt', args, { cwd: ROOT, ignore: ['docker'] });
    expect(JSON.parse(JSON.stringify(fromLib))).toEqual(fromCli);
    expect(fromCli.comparisons.flatMap((c: any) => [...c.matched, ...c.missing].map((s: any) => s.id))).not.toContain('docker');
  });
});

describe.each(RUNNERS)('library report = CLI report (%s)', (_mode, cli) => {
  it('report(inputs) returns what report -f json prints, for files and for JSON Lines', async () => {
    const files = ['fixtures/jobs', 'missing.txt'];
    const fromCli = JSON.parse((await cli(['report', ...files, '-f', 'json'])).stdout);
    expect(JSON.parse(JSON.stringify(await lib.report(files, { cwd: ROOT })))).toEqual(fromCli);
    const jsonl = JSON.parse((await cli(['report', '--jsonl', 'fixtures/report/ads.jsonl', '--top', '5', '-f', 'json'])).stdout);
    expect(JSON.parse(JSON.stringify(await lib.report(['fixtures/report/ads.jsonl'], { cwd: ROOT, jsonl: true, top: 5 })))).toEqual(jsonl);
  });
});
