import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TaxonomyError } from '../src/model/errors.js';
import { loadTaxonomy } from '../src/taxonomy/index.js';

const dir = mkdtempSync(join(tmpdir(), 'skillscan-tax-'));
const HEAD = 'name: t\nversion: 1.0.0\ncategories:\n  - { id: languages, label: Languages, weight: 1, target: 1 }\nskills:\n';

/** Loads a user taxonomy written to a file and returns its error lines. */
function problems(yaml: string, withBuiltin = false): string[] {
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  try {
    loadTaxonomy({ files: [file], noBuiltin: !withBuiltin });
  } catch (error) {
    expect(error).toBeInstanceOf(TaxonomyError);
    return (error as TaxonomyError).problems.map((p) => p.replaceAll(file, 'FILE'));
  }
  return [];
}

describe('taxonomy loading errors name file:line:col', () => {
  it('malformed YAML', () => {
    expect(problems(`${HEAD}  - id: a\n    name: [unclosed\n`)[0]).toMatch(/^FILE:\d+:\d+: /);
  });
  it('unknown field, with a suggestion', () => {
    expect(problems(`${HEAD}  - id: a\n    name: A\n    category: languages\n    alias: [x]\n`)).toEqual([
      'FILE:9:5: unknown field "alias" in a skill (did you mean "aliases"?); allowed: id, name, category, aliases, implies, ambiguous, examples, stem, nested',
    ]);
  });
  it('missing required field', () => {
    expect(problems(`${HEAD}  - id: a\n    category: languages\n`)).toEqual(['FILE:6:5: name of skill "a" is required']);
  });
  it('duplicate id', () => {
    expect(problems(`${HEAD}  - { id: a, name: A, category: languages }\n  - { id: a, name: B, category: languages }\n`)).toEqual([
      'FILE:7:5: duplicate skill id "a" (first at FILE:6:5)',
    ]);
  });
  it('alias claimed by two skills', () => {
    expect(
      problems(`${HEAD}  - { id: a, name: A, category: languages, aliases: [shared] }\n  - { id: b, name: B, category: languages, aliases: [Shared] }\n`),
    ).toEqual(['FILE:7:54: alias "Shared" of "b" is already claimed by "a" (FILE:6:54)']);
  });
  it('unknown category', () => {
    expect(problems(`${HEAD}  - { id: a, name: A, category: language }\n`)).toEqual([
      'FILE:6:5: skill "a" has unknown category "language" (did you mean "languages"?)',
    ]);
  });
  it('implies an unknown id, and a cycle', () => {
    expect(problems(`${HEAD}  - { id: a, name: A, category: languages, implies: [bb] }\n  - { id: b, name: B, category: languages }\n`)).toEqual([
      'FILE:6:54: "a" implies unknown skill "bb" (did you mean "b"?)',
    ]);
    expect(problems(`${HEAD}  - { id: a, name: A, category: languages, implies: [b] }\n  - { id: b, name: B, category: languages, implies: [a] }\n`)).toEqual([
      'FILE:6:5: implies cycle: a -> b -> a',
    ]);
  });
  it('empty alias', () => {
    expect(problems(`${HEAD}  - { id: a, name: A, category: languages, aliases: ["--"] }\n`)).toEqual([
      'FILE:6:54: skill "a" has an empty alias (it needs a letter or digit)',
    ]);
  });
  it('refuses YAML aliases, so an alias bomb costs nothing', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    const start = Date.now();
    const found = problems(`${HEAD}  - id: a\n    name: A\n    category: languages\n    aliases: *j\n${bomb}\n`);
    expect(Date.now() - start).toBeLessThan(2000);
    expect(found.some((p) => p.includes('YAML aliases (*name) are not allowed'))).toBe(true);
  });
  it('compiles a 10,000-skill taxonomy', () => {
    const skills = Array.from({ length: 10_000 }, (_, i) => `  - { id: s${i}, name: Skill${i}, category: languages, aliases: [skill ${i} x] }`).join('\n');
    expect(problems(`${HEAD}${skills}\n`)).toEqual([]);
  });
});
