import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNNERS, ROOT, runInProcess } from './helpers/cli.js';
import { expectValidJson } from './helpers/schema.js';

const PY = 'fixtures/jobs/python-backend.md';
const JAVA = 'fixtures/jobs/java-spring-crlf.txt';
const NURSE = 'fixtures/jobs/nurse.txt';

/** Scan JSON output, checked against the published schema (src/model/schema/scan.schema.json). */
function json(stdout: string): any {
  return expectValidJson('scan', stdout);
}
const ids = (doc: any): string[] => doc.skills.map((s: any) => s.id);

// One table of user-level cases; each runs in-process (run(argv, io)) and against the built bin.
describe.each(RUNNERS)('skillscan CLI (%s)', (_mode, cli) => {
  it('scans a markdown ad and reports skills with their category and first position', async () => {
    const r = await cli(['scan', PY, '--no-color']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(PY);
    expect(r.stdout).toMatch(/score \d+\/100/);
    expect(r.stdout).toMatch(/Python ×\d+ \d+:\d+/);
    expect(r.stdout).toContain('Django');
    expect(r.stderr).toBe('');
  });

  it('prints the pinned JSON contract', async () => {
    const r = await cli(['scan', PY, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out.schemaVersion).toBe(1);
    expect(out.taxonomy).toEqual({ name: expect.any(String), version: expect.any(String) });
    expect(out.errors).toEqual([]);
    const [doc] = out.documents;
    expect(doc.source).toBe(PY);
    expect(doc.score).toBeGreaterThanOrEqual(60);
    expect(ids(doc)).toEqual(expect.arrayContaining(['python', 'django', 'postgresql', 'redis', 'aws', 'docker', 'kubernetes']));
    for (const c of doc.coverage)
      expect(c).toEqual(expect.objectContaining({ category: expect.any(String), matched: expect.any(Number), total: expect.any(Number) }));
    for (const s of doc.skills) {
      expect(s).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          name: expect.any(String),
          category: expect.any(String),
          count: expect.any(Number),
          implied: expect.any(Boolean),
        }),
      );
      expect(s.matches.length).toBe(s.count);
    }
  });

  it('points line:column at the exact text, in a CRLF file too', async () => {
    for (const file of [PY, JAVA]) {
      const r = await cli(['scan', file, '-f', 'json']);
      const lines = readFileSync(join(ROOT, file), 'utf8').split(/\r\n|\r|\n/);
      const [doc] = json(r.stdout).documents;
      expect(doc.skills.length).toBeGreaterThan(3);
      for (const s of doc.skills) {
        for (const m of s.matches) expect(lines[m.line - 1]!.slice(m.column - 1, m.column - 1 + m.text.length)).toBe(m.text);
      }
    }
  });

  it('prefers the longest alias: Spring Boot, not Spring; SQL Server, not SQL', async () => {
    const [doc] = json((await cli(['scan', JAVA, '-f', 'json'])).stdout).documents;
    const boot = doc.skills.find((s: any) => s.id === 'spring-boot');
    expect(boot.matches.map((m: any) => m.text)).toEqual(['SPRING BOOT', 'Spring Boot', 'Spring Boot']);
    expect(doc.skills.find((s: any) => s.id === 'sql-server').count).toBe(1);
    // "spring 2026" is a season, and Spring is only implied by Spring Boot
    expect(doc.skills.find((s: any) => s.id === 'spring')).toEqual(expect.objectContaining({ implied: true, count: 0 }));
  });

  it('scores a non-technical ad near zero and finds none of its trap words', async () => {
    const [doc] = json((await cli(['scan', NURSE, '-f', 'json'])).stdout).documents;
    expect(doc.score).toBeLessThanOrEqual(5);
    expect(ids(doc)).toEqual([]);
  });

  it('reads stdin when no input is given and names it "-"', async () => {
    const r = await cli(['scan', '-f', 'json'], { stdin: 'We build APIs in Go with PostgreSQL and Kafka.' });
    expect(r.code).toBe(0);
    const [doc] = json(r.stdout).documents;
    expect(doc.source).toBe('-');
    expect(ids(doc)).toEqual(expect.arrayContaining(['go', 'postgresql', 'kafka']));
  });

  it('scans a directory recursively and a glob, in a stable order', async () => {
    const dir = json((await cli(['scan', 'fixtures/jobs', '-f', 'json'])).stdout);
    const sources = dir.documents.map((d: any) => d.source);
    expect(sources).toEqual([...sources].sort());
    expect(sources).toContain('fixtures/jobs/nurse.txt');
    expect(sources.some((s: string) => s.endsWith('README.md'))).toBe(true);
    const glob = json((await cli(['scan', 'fixtures/jobs/*.txt', '-f', 'json'])).stdout);
    expect(glob.documents.map((d: any) => d.source)).toEqual([
      'fixtures/jobs/java-spring-crlf.txt',
      'fixtures/jobs/node-fullstack.txt',
      'fixtures/jobs/nurse.txt',
    ]);
  });

  it('reports a missing file with its path, still scans the rest, and exits 2', async () => {
    const r = await cli(['scan', 'no/such/ad.txt', PY, '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no/such/ad.txt: no such file or directory');
    const out = json(r.stdout);
    expect(out.documents.map((d: any) => d.source)).toEqual([PY]);
    expect(out.errors).toEqual([{ source: 'no/such/ad.txt', message: 'no such file or directory' }]);
  });

  it('exits 1 when a document scores below --min-score, 0 when all pass', async () => {
    expect((await cli(['scan', PY, NURSE, '--min-score', '30', '-q'])).code).toBe(1);
    expect((await cli(['scan', PY, '--min-score', '30', '-q'])).code).toBe(0);
  });

  it('rejects bad usage with exit 2 and a one-line reason', async () => {
    const bad = await cli(['scan', PY, '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/format/);
    expect(bad.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    const score = await cli(['scan', PY, '--min-score', '120']);
    expect(score.code).toBe(2);
    expect(score.stderr).toContain('--min-score must be a whole number from 0 to 100');
    const unknown = await cli(['scna', PY]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('scan'); // a suggestion
  });

  it('--explain lists every match with line:col and the score arithmetic', async () => {
    const r = await cli(['scan', PY, '--explain', '--no-color']);
    expect(r.stdout).toMatch(/\n\s+1:28\s+Python\s+"# Senior Backend Engineer \(Python\)/);
    expect(r.stdout).toMatch(/\n\s+6:1\s+Django\s+"Django and FastAPI/);
    expect(r.stdout).toContain('score = 100 × Σ weight × covered / Σ weight');
  });

  it('writes the report to -o FILE and nothing to stdout', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'skillscan-')), 'scan.json');
    const r = await cli(['scan', PY, '-f', 'json', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(json(readFileSync(out, 'utf8')).documents[0].source).toBe(PY);
  });

  it('has no colour when stdout is not a terminal, and colour with --color or FORCE_COLOR', async () => {
    expect((await cli(['scan', PY])).stdout).not.toContain('\u001b[');
    expect((await cli(['scan', PY, '--color'])).stdout).toContain('\u001b[');
    expect((await cli(['scan', PY], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await cli(['scan', PY], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).toContain('\u001b['); // as in Node: FORCE_COLOR wins
    expect((await cli(['scan', PY, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await cli(['scan', PY], { env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('shows help with examples for the program and for scan, and the version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    const scanHelp = await cli(['scan', '--help']);
    expect(scanHelp.stdout).toContain('--min-score');
    expect(scanHelp.stdout).toContain('Examples:');
    const version = await cli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('adds skills from a user taxonomy with -t, and stops on a bad one before reading inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillscan-'));
    const extra = join(dir, 'extra.yaml');
    writeFileSync(extra, 'name: acme\nversion: 1.0.0\nskills:\n  - id: acme-ledger\n    name: AcmeLedger\n    category: databases\n');
    const [doc] = json((await cli(['scan', '-t', extra, '-f', 'json'], { stdin: 'We run AcmeLedger and Postgres.' })).stdout).documents;
    expect(ids(doc)).toEqual(expect.arrayContaining(['acme-ledger', 'postgresql']));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'name: acme\nskills:\n  - id: x\n    nmae: X\n    category: databases\n');
    const r = await cli(['scan', '-t', broken, 'no/such/file.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${broken}:4:5: unknown field "nmae" in a skill (did you mean "name"?)`);
    expect(r.stderr).not.toContain('no/such/file.txt');
  });
});

describe('skillscan CLI (in-process only)', () => {
  it('asks for input when nothing is given and stdin is a terminal', async () => {
    const r = await runInProcess(['scan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no inputs');
  });

  it('says so when stdin is empty', async () => {
    const r = await runInProcess(['scan'], { stdin: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-: stdin is empty');
  });
});
