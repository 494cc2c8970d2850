// Lint of the shipped taxonomy, plus one generated test per example sentence of every ambiguous
// skill (the data declares its traps; these tests hold the matcher to them).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Scanner } from '../src/pipeline/scanner.js';
import { loadTaxonomyLayer } from '../src/taxonomy/load.js';
import { mergeLayers } from '../src/taxonomy/merge.js';
import { compileTaxonomy } from '../src/taxonomy/compile.js';
import { builtinManifestPath } from '../src/taxonomy/builtin.js';
import { ROOT } from './helpers/cli.js';

const manifest = builtinManifestPath();
const taxonomy = mergeLayers([loadTaxonomyLayer(manifest)]);
const scanner = new Scanner(compileTaxonomy(taxonomy));
const skillFiles = readdirSync(join(ROOT, 'taxonomy/skills')).filter((f) => f.endsWith('.yaml'));
const cueFiles = readdirSync(join(ROOT, 'taxonomy/cues')).filter((f) => f.endsWith('.yaml'));

describe('shipped taxonomy lint', () => {
  it('includes every skill file, one per category', () => {
    const included = (parse(readFileSync(manifest, 'utf8')).include as string[]).map((f) => f.replace(/^skills\//, ''));
    expect([...included].sort()).toEqual([...skillFiles].sort());
    for (const file of skillFiles) {
      const skills = parse(readFileSync(join(ROOT, 'taxonomy/skills', file), 'utf8')).skills as { category: string }[];
      expect(new Set(skills.map((s) => s.category)), file).toEqual(new Set([file.replace('.yaml', '')]));
    }
  });

  it('keeps each file sorted by id', () => {
    for (const file of skillFiles) {
      const ids = (parse(readFileSync(join(ROOT, 'taxonomy/skills', file), 'utf8')).skills as { id: string }[]).map((s) => s.id);
      expect(ids, file).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  });

  it('has at least 300 skills across the required categories', () => {
    expect(taxonomy.skills.length).toBeGreaterThanOrEqual(300);
    expect(taxonomy.categories.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'languages',
        'frameworks',
        'databases',
        'servers',
        'cloud',
        'devops',
        'messaging',
        'data',
        'apis',
        'security',
        'testing',
        'tools',
        'frontend',
        'practices',
      ]),
    );
  });

  it('validates (unique ids and aliases, known categories, implies without cycles) — loading would throw otherwise', () => {
    expect(taxonomy.files.length).toBe(skillFiles.length + cueFiles.length + 1);
  });
});

const ambiguous = taxonomy.skills.filter((s) => s.ambiguous.length > 0);

describe.each(ambiguous.map((s) => [s.id, s] as const))('ambiguous skill %s', (id, skill) => {
  it.each(skill.examples?.match ?? [])('matches: %s', (sentence) => {
    expect(
      scanner
        .scanText(sentence)
        .skills.filter((s) => !s.implied)
        .map((s) => s.id),
    ).toContain(id);
  });
  it.each(skill.examples?.nomatch ?? [])('does not match: %s', (sentence) => {
    expect(
      scanner
        .scanText(sentence)
        .skills.filter((s) => !s.implied)
        .map((s) => s.id),
    ).not.toContain(id);
  });
});
