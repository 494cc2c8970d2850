import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNNERS } from './helpers/cli.js';

// The CLI side of tests/taxonomy-load.test.ts: a bad user taxonomy (merged over the built-in one)
// stops the run with exit 2 and `file:line:col: reason` lines, before any input is read.
const dir = mkdtempSync(join(tmpdir(), 'skillscan-taxcli-'));
const HEAD = 'name: t\nversion: 1.0.0\ncategories:\n  - { id: languages, label: Languages, weight: 1, target: 1 }\nskills:\n';
const INPUT = 'no/such/input.txt'; // would print "no/such/input.txt: no such file" if it were looked at

function bomb(): string {
  const letters = 'abcdefghij';
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < letters.length; i++)
    lines.push(
      `${letters[i]}: &${letters[i]} [${Array(9)
        .fill(`*${letters[i - 1]}`)
        .join(',')}]`,
    );
  return `${HEAD}  - id: acme\n    name: A\n    category: languages\n    aliases: *j\n${lines.join('\n')}\n`;
}

const CASES: [string, string, string][] = [
  ['malformed YAML', `${HEAD}  - id: a\n    name: [unclosed\n`, 'FILE:8:1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  [
    'an unknown field',
    `${HEAD}  - id: acme\n    name: A\n    category: languages\n    alias: [x]\n`,
    'FILE:9:5: unknown field "alias" in a skill (did you mean "aliases"?); allowed: id, name, category, aliases, implies, ambiguous, examples, stem',
  ],
  ['a missing required field', `${HEAD}  - id: acme\n    category: languages\n`, 'FILE:6:5: name of skill "acme" is required'],
  [
    'a duplicate id',
    `${HEAD}  - { id: acme, name: A, category: languages }\n  - { id: acme, name: B, category: languages }\n`,
    'FILE:7:5: duplicate skill id "acme" (first at FILE:6:5)',
  ],
  [
    'an alias claimed by two skills',
    `${HEAD}  - { id: acme-a, name: A, category: languages, aliases: [shared] }\n  - { id: acme-b, name: B, category: languages, aliases: [Shared] }\n`,
    'FILE:7:59: alias "Shared" of "acme-b" is already claimed by "acme-a" (FILE:6:59)',
  ],
  [
    'an alias the built-in taxonomy owns',
    `${HEAD}  - { id: acme, name: A, category: languages, aliases: [Postgres] }\n`,
    'FILE:6:57: alias "Postgres" of "acme" is already claimed by "postgresql" (taxonomy/',
  ],
  [
    'an unknown category',
    `${HEAD}  - { id: acme, name: A, category: language }\n`,
    'FILE:6:5: skill "acme" has unknown category "language" (did you mean "languages"?)',
  ],
  [
    'an implies to an unknown id',
    `${HEAD}  - { id: acme, name: A, category: languages, implies: [acme-lib] }\n  - { id: acme-lbi, name: B, category: languages }\n`,
    'FILE:6:57: "acme" implies unknown skill "acme-lib" (did you mean "acme-lbi"?)',
  ],
  [
    'an implies cycle',
    `${HEAD}  - { id: acme-a, name: A, category: languages, implies: [acme-b] }\n  - { id: acme-b, name: B, category: languages, implies: [acme-a] }\n`,
    'FILE:6:5: implies cycle: acme-a -> acme-b -> acme-a',
  ],
  [
    'an empty alias',
    `${HEAD}  - { id: acme, name: A, category: languages, aliases: ["--"] }\n`,
    'FILE:6:57: skill "acme" has an empty alias (it needs a letter or digit)',
  ],
  // Its anchors sit in unknown top-level fields (reported too); the one alias that is used is refused.
  ['a YAML alias bomb', bomb(), 'FILE:9:14: YAML aliases (*name) are not allowed in a taxonomy; write the value out'],
  ['binary junk', '\u0000\u0001\u0002PK\u0003\u0004', 'FILE:1:1: '],
];

describe.each(RUNNERS)('bad taxonomy on the command line (%s)', (_mode, cli) => {
  it.each(CASES)('%s: file:line:col and the reason, exit 2, no input read', async (name, yaml, expected) => {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
    writeFileSync(file, yaml);
    const r = await cli(['scan', '-t', file, INPUT, '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines.map((l) => l.replaceAll(file, 'FILE')).filter((l) => l.startsWith(expected))).toHaveLength(1);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: \\S`));
    expect(r.stderr).not.toContain(INPUT);
    expect(r.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m); // no stack trace
  });

  it('a taxonomy file that cannot be read', async () => {
    const r = await cli(['scan', '-t', join(dir, 'missing.yaml'), INPUT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${join(dir, 'missing.yaml')}:1:1: cannot read taxonomy file (ENOENT)\n`);
  });
});
