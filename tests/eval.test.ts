import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, checkThresholds, metrics } from '../src/score/evaluate.js';
import { parseLabels } from '../src/score/labels.js';
import { RUNNERS } from './helpers/cli.js';
import { mini } from './helpers/mini.js';

const LABELS = 'fixtures/evaluate/labels.json';

describe('evaluate (pure)', () => {
  it('counts true/false positives and negatives per group, category and skill', () => {
    const r = evaluate(
      [
        { source: 'a', expected: ['go', 'caching'], found: ['go', 'django'] },
        { source: 'b', expected: ['django', 'nosuch'], found: ['django', 'caching'] },
      ],
      mini.compiled,
    );
    expect(r.groups.technologies).toEqual({ tp: 2, fp: 1, fn: 1, precision: 0.6667, recall: 0.6667, f1: 0.6667 });
    expect(r.groups.practices).toEqual({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
    expect(r.groups.all).toMatchObject({ tp: 2, fp: 2, fn: 2 });
    expect(r.categories.map((c) => c.category)).toEqual(['languages', 'frameworks', 'practices', '(not in taxonomy)']);
    expect(r.worst.map((s) => [s.id, s.fp, s.fn])).toEqual([
      ['caching', 1, 1],
      ['django', 1, 0],
    ]);
    expect(r.worst[0]).toMatchObject({ falsePositives: ['b'], falseNegatives: ['a'] });
    expect(r.perDocument).toEqual([
      { source: 'a', fp: ['django'], fn: ['caching'] },
      { source: 'b', fp: ['caching'], fn: ['nosuch'] },
    ]);
    expect(r.unknownLabels).toEqual([{ id: 'nosuch', documents: ['b'] }]);
  });

  it('leaves a ratio null when there is nothing to divide, and skips such groups in threshold checks', () => {
    expect(metrics(0, 0, 0)).toEqual({ tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
    const r = evaluate([{ source: 'a', expected: ['go'], found: ['go'] }], mini.compiled);
    expect(checkThresholds(r, [{ metric: 'f1', min: 0.9 }])).toEqual([{ group: 'technologies', metric: 'f1', min: 0.9, actual: 1, ok: true }]);
    expect(checkThresholds(r, [{ metric: 'recall', min: 0.9, group: 'practices' }])).toEqual([
      { group: 'practices', metric: 'recall', min: 0.9, actual: null, ok: false },
    ]);
  });

  it('keeps its invariants on any labelling', () => {
    const known = ['go', 'c', 'cpp', 'django', 'caching', 'python'];
    // A scan only finds skills of the taxonomy; labels may name others.
    const doc = fc.record({
      source: fc.string(),
      expected: fc.uniqueArray(fc.constantFrom(...known, 'unknown-x')),
      found: fc.uniqueArray(fc.constantFrom(...known)),
    });
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 8 }), (docs) => {
        const r = evaluate(docs, mini.compiled, { worst: 1000 });
        const expected = docs.reduce((n, d) => n + d.expected.length, 0);
        const found = docs.reduce((n, d) => n + d.found.length, 0);
        expect(r.groups.all.tp + r.groups.all.fn).toBe(expected);
        expect(r.groups.all.tp + r.groups.all.fp).toBe(found);
        expect(r.groups.technologies.tp + r.groups.practices.tp).toBe(r.groups.all.tp);
        for (const m of [r.groups.all, ...r.categories]) for (const x of [m.precision, m.recall, m.f1]) if (x !== null) expect(x >= 0 && x <= 1).toBe(true);
        expect(r.worst.reduce((n, s) => n + s.fp, 0)).toBe(r.groups.all.fp);
      }),
    );
  });

  it('reads both label forms and rejects anything else with the file name', () => {
    expect([...parseLabels('{"a.md": ["go"], "b.md": {"skills": ["c"], "years": {}}}', 'l.json')]).toEqual([
      ['a.md', ['go']],
      ['b.md', ['c']],
    ]);
    expect(() => parseLabels('{"a.md": "go"}', 'l.json')).toThrow('l.json: labels of "a.md" must be a list of skill ids');
    expect(() => parseLabels('[1]', 'l.json')).toThrow('l.json: labels must be a JSON object');
    expect(() => parseLabels('{', 'l.json')).toThrow('l.json: not valid JSON');
  });
});

describe.each(RUNNERS)('skillscan eval (%s)', (_mode, cli) => {
  it('scores explicit mentions against labels matched by relative path or basename', async () => {
    const r = await cli(['eval', '--labels', LABELS, 'fixtures/evaluate/ads', '-f', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.documents).toBe(3);
    // Redis and Amazon SQS found but not labelled; Kafka and "sqs" labelled but not found. Python is
    // implied by Django, not a mention: no false positive.
    expect(out.groups.technologies).toMatchObject({ tp: 6, fp: 2, fn: 2, precision: 0.75, recall: 0.75 });
    expect(out.groups.practices).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(out.perDocument.find((d: any) => d.source.endsWith('b.md'))).toEqual({ source: 'fixtures/evaluate/ads/b.md', fp: ['redis'], fn: [] });
    expect(out.unknownLabels).toEqual([{ id: 'sqs', documents: ['fixtures/evaluate/ads/more/c.txt'], suggestion: 'amazon-sqs' }]);
    expect(out.missing).toEqual([]);
  });

  it('prints a table with groups, categories and the worst skills; defaults to the labels folder', async () => {
    const r = await cli(['eval', '--labels', LABELS, '--no-color']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/technologies\s+0\.750\s+0\.750\s+0\.750\s+6\s+2\s+2/);
    expect(r.stdout).toContain('Kafka (kafka, messaging)  FP 0  FN 1');
    expect(r.stdout).toContain('sqs (did you mean "amazon-sqs"?)');
    expect(r.stdout).toContain('have no labels and were not evaluated: fixtures/evaluate/README.md');
  });

  it('exits 1 when a threshold is not met, 0 when all are', async () => {
    const fail = await cli(['eval', '--labels', LABELS, '--min-precision', 'technologies=0.9', '--min-f1', '0.5', '-q']);
    expect(fail.code).toBe(1);
    const pass = await cli(['eval', '--labels', LABELS, '--min-precision', 'technologies=0.7', '--min-f1', 'practices=1', '-f', 'json']);
    expect(pass.code).toBe(0);
    expect(JSON.parse(pass.stdout).checks).toEqual([
      { group: 'practices', metric: 'f1', min: 1, actual: 1, ok: true },
      { group: 'technologies', metric: 'precision', min: 0.7, actual: 0.75, ok: true },
    ]);
    const table = await cli(['eval', '--labels', LABELS, '--min-recall', '0.8', '--no-color']);
    expect(table.stdout).toContain('technologies recall 0.750 is below the minimum 0.8');
  });

  it('rejects bad thresholds and bad labels with exit 2', async () => {
    const group = await cli(['eval', '--labels', LABELS, '--min-f1', 'tech=0.9']);
    expect(group.code).toBe(2);
    expect(group.stderr).toContain('--min-f1: unknown group "tech"');
    expect((await cli(['eval', '--labels', LABELS, '--min-recall', '2'])).stderr).toContain('--min-recall must be a number from 0 to 1');
    expect((await cli(['eval', '--labels', 'no/such.json'])).stderr).toContain('no/such.json: cannot read the labels (no such file or directory)');
    expect((await cli(['eval', 'fixtures/evaluate/ads'])).stderr).toContain("required option '--labels <file>' not specified");
    const dir = mkdtempSync(join(tmpdir(), 'skillscan-eval-'));
    writeFileSync(join(dir, 'labels.json'), '{"other.txt": ["go"]}');
    const none = await cli(['eval', '--labels', join(dir, 'labels.json'), 'fixtures/evaluate/ads', '-q']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('none of the inputs has labels');
  });
});
