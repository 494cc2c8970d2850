import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText, loadTaxonomy, scanText, type TaxonomyError } from '../src/index.js';
import { cuePhraseProblem, expandCuePhrase, parseCuePhrase } from '../src/taxonomy/cues.js';
import { runSubprocess } from './helpers/cli.js';

// Requirement cues are data (taxonomy/cues/LANG.yaml): every example of every cue is a test here.
const shipped = loadTaxonomy();
const cues = shipped.taxonomy().cues;

/** The skills a text names, in the order they first appear. */
const named = (text: string, taxonomy = shipped) =>
  scanText(text, { taxonomy })
    .skills.filter((s) => !s.implied)
    .sort((a, b) => a.matches[0]!.line - b.matches[0]!.line || a.matches[0]!.column - b.matches[0]!.column);

describe('shipped cue examples', () => {
  it('covers the languages the ads come in', () => {
    expect(new Set(cues.map((c) => c.language))).toEqual(new Set(['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl']));
  });

  it('gives every cue an example where it applies: a preferred skill, or an excluded one for a negation', () => {
    for (const cue of cues) {
      if (cue.kind === 'negation') expect(cue.examples.excluded.length, `${cue.language} negation`).toBeGreaterThan(0);
      else if (cue.kind !== 'section') expect(cue.examples.preferred.length, `${cue.language} ${cue.kind}`).toBeGreaterThan(0);
    }
  });

  // A section name's examples show it ending a preferred section: their last skill is required.
  const cases = cues.flatMap((cue) => [
    ...cue.examples.preferred.map((text) => [`${cue.language} ${cue.kind}: preferred`, text, 'preferred'] as const),
    ...cue.examples.excluded.map((text) => [`${cue.language} ${cue.kind}: excluded`, text, 'excluded'] as const),
    ...cue.examples.required.map((text) => [`${cue.language} ${cue.kind}: required`, text, cue.kind === 'section' ? 'last required' : 'required'] as const),
  ]);
  it.each(cases)('%s: %j', (_kind, text, level) => {
    const skills = named(text);
    expect(skills.length, 'an example must name a skill').toBeGreaterThan(0);
    const checked = level === 'last required' ? skills.slice(-1) : skills;
    for (const s of checked) {
      if (level === 'preferred' || level === 'excluded') expect(`${s.name}: ${s.level}`).toBe(`${s.name}: ${level}`);
      else expect(`${s.name}: ${s.level}`).toBe(`${s.name}: required`);
    }
  });
});

describe('cue phrases', () => {
  it('expand to every text they match', () => {
    const texts = (p: string) => expandCuePhrase(parseCuePhrase(p)).map((w) => w.join(' '));
    expect(texts('(a|the)? (big)? plus')).toEqual(['plus', 'big plus', 'a plus', 'a big plus', 'the plus', 'the big plus']);
    expect(texts('desir(ed|able) skills?')).toEqual(['desired skill', 'desired skills', 'desirable skill', 'desirable skills']);
  });

  it('refuse what does not parse', () => {
    expect(() => parseCuePhrase('(nice to have')).toThrow(/not closed/);
    expect(() => parseCuePhrase('?plus')).toThrow(/follows nothing/);
    expect(() => parseCuePhrase('plus)')).toThrow(/unexpected/);
    expect(cuePhraseProblem('... is not used', 'negation')).toMatch(/must stand between words/);
    expect(cuePhraseProblem('no ... needed', 'negation')).toBeUndefined();
  });

  // Any phrase the grammar accepts compiles to an expression that matches each of its expansions.
  it('match each text they expand to (property)', () => {
    const word = fc.constantFrom('nice', 'plus', 'bonus', 'preferred', 'ideally', 'asset');
    const phrase = fc
      .array(fc.tuple(word, fc.boolean(), fc.option(word, { nil: undefined })), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.map(([w, optional, alt]) => (alt ? `(${w}|${alt})${optional ? '?' : ''}` : w)).join(' '))
      .filter((p) => expandCuePhrase(parseCuePhrase(p)).every((e) => e.length > 0));
    const compiled = (p: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'skillscan-cue-prop-'));
      writeFileSync(join(dir, 'c.yaml'), `language: xx\ncues:\n  - kind: after\n    phrases: [${JSON.stringify(p)}]\n`);
      writeFileSync(join(dir, 't.yaml'), 'name: p\nversion: "1"\ncues: [c.yaml]\n');
      return loadTaxonomy({ files: [join(dir, 't.yaml')] });
    };
    fc.assert(
      fc.property(phrase, (p) => {
        const taxonomy = compiled(p);
        const expression = new RegExp(taxonomy.compiled.cues.after, 'iu');
        for (const e of expandCuePhrase(parseCuePhrase(p))) expect(expression.test(`Go ${e.join(' ')}`), e.join(' ')).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});

describe('user cue files (-t)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'skillscan-cues-'));
  writeFileSync(join(dir, 'acme-cues.yaml'), 'language: en\ncues:\n  - kind: heading\n    phrases: ["would knock our socks off"]\n');
  writeFileSync(join(dir, 'acme.yaml'), 'name: acme\nversion: "1"\ncues: [acme-cues.yaml]\n');
  const ad = join(dir, 'ad.md');
  writeFileSync(ad, 'Requirements:\n- Python\n\nWould knock our socks off:\n- Terraform\n');

  it('adds a heading a team uses, without losing the shipped ones', () => {
    const taxonomy = loadTaxonomy({ files: [join(dir, 'acme.yaml')] });
    const levels = Object.fromEntries(
      named('Requirements:\n- Python\n\nWould knock our socks off:\n- Terraform\n\nNice to have:\n- Kubernetes', taxonomy).map((s) => [s.name, s.level]),
    );
    expect(levels).toEqual({ Python: 'required', Terraform: 'preferred', Kubernetes: 'preferred' });
  });

  it('works from the command line', () => {
    const r = runSubprocess(['scan', '-t', join(dir, 'acme.yaml'), ad, '-f', 'json']);
    expect(r.code).toBe(0);
    const skills = JSON.parse(r.stdout).documents[0].skills.filter((s: any) => !s.implied);
    expect(skills.map((s: any) => `${s.name} ${s.level}`).sort()).toEqual(['Python required', 'Terraform preferred']);
  });

  it('reports a bad cue with file:line:col', () => {
    writeFileSync(
      join(dir, 'bad-cues.yaml'),
      'language: en\ncues:\n  - kind: heading\n    phrases: ["(nice to have", "would be"]\n  - kind: aside\n    phrases: [x]\n',
    );
    writeFileSync(join(dir, 'bad.yaml'), 'name: bad\nversion: "1"\ncues: [bad-cues.yaml]\n');
    let problems: string[] = [];
    try {
      loadTaxonomy({ files: [join(dir, 'bad.yaml')] });
    } catch (error) {
      problems = (error as TaxonomyError).problems.map((p) => p.replace(dir, 'DIR'));
    }
    expect(problems).toEqual([
      'DIR/bad-cues.yaml:4:15: cue phrase "(nice to have": a "(" is not closed',
      'DIR/bad-cues.yaml:4:32: cue phrase "would be" can match "would be", common words only: add a word that says what the cue means',
      'DIR/bad-cues.yaml:5:11: kind must be one of heading, section, after, before, lead-in, negation (got "aside")',
    ]);
  });
});

describe('what decided a level or a figure', () => {
  it('is in the result: the cue or phrase as written, with line and column', () => {
    const skills = named('Requirements:\n- 5+ years of Python\n\nNice to have:\n- Kubernetes is a plus too');
    const python = skills.find((s) => s.id === 'python')!;
    const kubernetes = skills.find((s) => s.id === 'kubernetes')!;
    expect(python.yearsFrom).toEqual({ text: '5+ years', line: 2, column: 3 });
    expect(python.levelCue).toBeUndefined();
    expect(kubernetes.level).toBe('preferred');
    expect(kubernetes.levelCue).toEqual({ text: 'Nice to have:', line: 4, column: 1 });
  });

  it('is shown by scan --explain', () => {
    const r = runSubprocess(['scan', 'fixtures/jobs/python-backend.md', '--explain', '--no-color']);
    expect(r.stdout).toMatch(/Levels and years\n {2}Python +5 years: "5\+ years" 17:3\n/);
    expect(r.stdout).toMatch(/ {2}Terraform +preferred: "Nice to have" 22:1\n/);
  });
});

describe('negation: a skill the ad does not use', () => {
  it('is excluded: shown, never a gap, never in the fit', () => {
    const ad = 'Backend engineer.\n- Python and Django\n- Our projects do not use PHP, Perl.\n- No Java needed.';
    const levels = Object.fromEntries(named(ad).map((s) => [s.id, s.level]));
    expect(levels).toMatchObject({ python: 'required', django: 'required', php: 'excluded', perl: 'excluded', java: 'excluded' });
    const comparison = compareText('Python, Django', ad, { taxonomy: shipped });
    expect(comparison.missing.map((m) => m.id)).toEqual([]);
    expect(comparison.fit).toBe(100);
  });

  it('is shown as not used in the table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillscan-negation-'));
    writeFileSync(join(dir, 'ad.md'), 'We use Python.\nWe do not use PHP.\n');
    const r = runSubprocess(['scan', join(dir, 'ad.md'), '--no-color']);
    expect(r.stdout).toMatch(/PHP 2:\d+ \[not used\]/);
  });
});
