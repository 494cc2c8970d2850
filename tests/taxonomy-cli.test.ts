import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNNERS } from './helpers/cli.js';

const F = 'fixtures/taxonomy-cli';

describe.each(RUNNERS)('skillscan taxonomy (%s)', (_mode, cli) => {
  it('list: every category with its skills, or one category, as a table or JSON', async () => {
    const all = await cli(['taxonomy', 'list', '-f', 'json']);
    expect(all.code).toBe(0);
    const listing = JSON.parse(all.stdout);
    expect(listing.categories.map((c: any) => c.id)).toEqual(expect.arrayContaining(['languages', 'databases', 'practices']));
    const db = JSON.parse((await cli(['taxonomy', 'list', '--category', 'databases', '-f', 'json'])).stdout);
    expect(db.categories).toHaveLength(1);
    expect(db.categories[0].skills.find((s: any) => s.id === 'postgresql').aliases).toContain('Postgres');
    const table = await cli(['taxonomy', 'list', '-c', 'languages', '--no-color']);
    expect(table.stdout).toMatch(/Languages \(languages, weight \d+, target \d+, \d+ skills\)/);
    expect(table.stdout).toMatch(/\n {2}python +Python/);
  });

  it('list -t includes the skills of a user layer; an unknown category suggests one', async () => {
    const r = JSON.parse((await cli(['taxonomy', 'list', '-t', `${F}/layer-ok.yaml`, '-c', 'databases', '-f', 'json'])).stdout);
    expect(r.taxonomy.name).toBe('backend+acme');
    expect(r.categories[0].skills.map((s: any) => s.id)).toContain('acme-ledger');
    const bad = await cli(['taxonomy', 'list', '-c', 'databse']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown category "databse" (did you mean "databases"?)');
  });

  it('show resolves any alias case-insensitively and shows aliases, implies both ways, rules, examples', async () => {
    for (const q of ['postgres', 'POSTGRES', 'PostgreSQL', 'postgresql']) {
      const r = await cli(['taxonomy', 'show', q, '-f', 'json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).id).toBe('postgresql');
    }
    const pg = JSON.parse((await cli(['taxonomy', 'show', 'postgres', '-f', 'json'])).stdout);
    expect(pg.aliases).toEqual(expect.arrayContaining(['PostgreSQL', 'Postgres']));
    expect(pg.impliedBy.length).toBeGreaterThan(0);
    const django = JSON.parse((await cli(['taxonomy', 'show', 'django', '-f', 'json'])).stdout);
    expect(django.implies).toContain('python');
    const go = await cli(['taxonomy', 'show', 'golang', '--no-color']);
    expect(go.stdout).toMatch(/^Go \(go\) {2}Languages/);
    expect(go.stdout).toMatch(/ambiguous +"Go": case exact; needs context;.*not in: go-getter/);
    expect(go.stdout).toMatch(/matches +"/);
    expect(go.stdout).toMatch(/no match +"/);
    expect(go.stdout).toMatch(/defined at +taxonomy\/skills\/languages\.yaml:\d+:\d+/);
  });

  it('show: an unknown skill exits 2 with a suggestion', async () => {
    const r = await cli(['taxonomy', 'show', 'postgrse']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no skill "postgrse" in taxonomy backend (did you mean "Postgres"?)');
  });

  it('show -t finds a skill of a user layer by its alias', async () => {
    const r = JSON.parse((await cli(['taxonomy', 'show', 'ACME LEDGER DB', '-t', `${F}/layer-ok.yaml`, '-f', 'json'])).stdout);
    expect(r).toMatchObject({ id: 'acme-ledger', implies: ['postgresql'], definedAt: expect.stringMatching(/layer-ok\.yaml:4:5$/) });
  });

  it('validate: ok files pass; every problem is printed as file:line:col and exits 2', async () => {
    const ok = await cli(['taxonomy', 'validate', `${F}/layer-ok.yaml`]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`${F}/layer-ok.yaml: valid over the built-in taxonomy (1 skill`);
    const bad = await cli(['taxonomy', 'validate', `${F}/layer-bad.yaml`, `${F}/layer-typo.yaml`, `${F}/layer-example.yaml`, `${F}/layer-ok.yaml`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${F}/layer-bad.yaml:4:5: skill "acme-ledger" has unknown category "databse" (did you mean "databases"?)`);
    expect(bad.stderr).toContain(`${F}/layer-bad.yaml:7:15: "acme-ledger" implies unknown skill "postgress" (did you mean "postgresql"?)`);
    expect(bad.stderr).toMatch(/layer-bad\.yaml:11:15: alias "postgres" of "acme-pg" is already claimed by "postgresql"/);
    expect(bad.stderr).toContain(`${F}/layer-typo.yaml:7:5: unknown field "stemm" in a skill (did you mean "stem"?)`);
    expect(bad.stderr).toContain(`${F}/layer-example.yaml:4:5: skill "quill": example "Quill matters." should match but does not`);
    expect(bad.stdout).toContain('layer-ok.yaml: valid'); // the others are still checked
  });

  it('validate --standalone: a complete taxonomy passes, a layer without categories does not', async () => {
    expect((await cli(['taxonomy', 'validate', '--standalone', 'fixtures/taxonomies/mini.yaml'])).code).toBe(0);
    const r = await cli(['taxonomy', 'validate', '--standalone', `${F}/layer-ok.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${F}/layer-ok.yaml:1:1: categories are required`);
  });

  it('init writes a valid starter over the built-in taxonomy, and will not overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillscan-init-'));
    const r = await cli(['taxonomy', 'init', 'acme.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote acme.yaml');
    const text = readFileSync(join(dir, 'acme.yaml'), 'utf8');
    expect(text).toMatch(/^# /);
    expect(text).toContain('ambiguous:');
    expect(text).toContain('implies:');
    expect((await cli(['taxonomy', 'validate', join(dir, 'acme.yaml')])).code).toBe(0);
    // its example skills work in a scan
    const scan = JSON.parse(
      (await cli(['scan', '-t', join(dir, 'acme.yaml'), '-f', 'json'], { stdin: 'Events go through AcmeQ into Beacon and PostgreSQL.' })).stdout,
    );
    expect(scan.documents[0].skills.filter((s: any) => !s.implied).map((s: any) => s.id)).toEqual(
      expect.arrayContaining(['acme-queue', 'beacon-db', 'postgresql']),
    );
    writeFileSync(join(dir, 'acme.yaml'), 'mine');
    const again = await cli(['taxonomy', 'init', 'acme.yaml'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('acme.yaml exists already');
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toBe('mine');
    expect((await cli(['taxonomy', 'init', 'acme.yaml', '--force'], { cwd: dir })).code).toBe(0);
    expect((await cli(['taxonomy', 'init'], { cwd: dir })).stdout).toContain('wrote my-skills.yaml');
  });

  it('has help with examples for each subcommand', async () => {
    for (const sub of ['list', 'show', 'validate', 'init']) {
      const r = await cli(['taxonomy', sub, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
  });
});
