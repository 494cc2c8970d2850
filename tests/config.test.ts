import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, RUNNERS } from './helpers/cli.js';

/** A project folder with an ad two levels down and a user taxonomy at the top. */
function project(config?: { name: string; text: string }): { root: string; cwd: string } {
  const root = mkdtempSync(join(tmpdir(), 'skillscan-config-'));
  const cwd = join(root, 'ads', 'backend');
  mkdirSync(cwd, { recursive: true });
  cpSync(join(ROOT, 'fixtures/jobs/python-backend.md'), join(cwd, 'ad.md'));
  cpSync(join(ROOT, 'fixtures/taxonomy-cli/layer-ok.yaml'), join(root, 'acme.yaml'));
  if (config) writeFileSync(join(root, config.name), config.text);
  return { root, cwd };
}

const YAML = { name: 'skillscan.config.yaml', text: '# settings\ntaxonomy: acme.yaml\nformat: json\nmin-score: 95\nignore: [docker]\n' };
const ids = (stdout: string): string[] => JSON.parse(stdout).documents[0].skills.map((s: any) => s.id);

describe.each(RUNNERS)('configuration (%s)', (_mode, cli) => {
  it('is found walking up from the working directory and sets taxonomy, format, thresholds, ignore', async () => {
    const { cwd } = project(YAML);
    const plain = await cli(['scan', 'ad.md', '--no-config', '-f', 'json'], { cwd });
    expect(ids(plain.stdout)).toContain('docker');
    const r = await cli(['scan', 'ad.md'], { cwd });
    expect(r.code).toBe(1); // min-score 95 from the file
    const out = JSON.parse(r.stdout); // format json from the file
    expect(out.taxonomy.name).toBe('backend+acme'); // taxonomy, relative to the config file
    expect(ids(r.stdout)).not.toContain('docker');
    // ignored skills leave the coverage and score too
    const devops = (doc: any): number => doc.coverage.find((c: any) => c.category === 'devops').matched;
    expect(devops(out.documents[0])).toBe(devops(JSON.parse(plain.stdout).documents[0]) - 1);
    expect(out.documents[0].score).toBeLessThanOrEqual(JSON.parse(plain.stdout).documents[0].score);
  });

  it('lets flags override it, and --print-config tells where each value came from', async () => {
    const { root, cwd } = project(YAML);
    expect((await cli(['scan', 'ad.md', '--min-score', '10', '-q'], { cwd })).code).toBe(0);
    expect((await cli(['scan', 'ad.md', '-f', 'csv'], { cwd })).stdout).toMatch(/^source,score,/);
    const p = await cli(['scan', '--print-config', '-f', 'markdown'], { cwd });
    expect(p.code).toBe(0);
    const file = join(root, 'skillscan.config.yaml');
    expect(p.stdout).toContain(`config file: ${file}`);
    expect(p.stdout).toMatch(new RegExp(`taxonomy +\\[${join(root, 'acme.yaml')}\\] +\\(${file}:2:1\\)`));
    expect(p.stdout).toMatch(/format +markdown +\(command line\)/);
    expect(p.stdout).toMatch(new RegExp(`min-score +95 +\\(${file}:4:1\\)`));
    expect(p.stdout).toMatch(/max-size +50MB +\(default\)/);
    expect(p.stdout).toMatch(/ignore +\[docker\]/);
  });

  it('reads .skillscanrc.json and package.json#skillscan', async () => {
    const rc = project({ name: '.skillscanrc.json', text: '{ "format": "jsonl", "ignore": ["python"] }' });
    const line = JSON.parse((await cli(['scan', 'ad.md'], { cwd: rc.cwd })).stdout);
    expect(line.skills.map((s: any) => s.id)).not.toContain('python');
    const pkg = project({ name: 'package.json', text: '{ "name": "x", "skillscan": { "format": "csv" } }' });
    expect((await cli(['scan', 'ad.md'], { cwd: pkg.cwd })).stdout).toMatch(/^source,score,/);
    const other = project({ name: 'package.json', text: '{ "name": "x" }' }); // no "skillscan" key: not a config
    expect((await cli(['scan', '--print-config'], { cwd: other.cwd })).stdout).toContain('config file: (none found)');
  });

  it('refuses unknown keys and bad values with file:line:col and a suggestion (exit 2)', async () => {
    const typo = project({ name: 'skillscan.config.yaml', text: 'format: json\nminScore: 3\n' });
    const r = await cli(['scan', 'ad.md'], { cwd: typo.cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(typo.root, 'skillscan.config.yaml')}:2:1: unknown key "minScore" in the skillscan configuration (did you mean "min-score"?)`,
    );
    const json = project({ name: '.skillscanrc.json', text: '{\n  "ignroe": ["git"]\n}' });
    expect((await cli(['scan', 'ad.md'], { cwd: json.cwd })).stderr).toContain(
      '.skillscanrc.json:2:3: unknown key "ignroe" in the skillscan configuration (did you mean "ignore"?)',
    );
    const skill = project({ name: 'skillscan.config.yaml', text: 'ignore: [gti]\n' });
    expect((await cli(['scan', 'ad.md'], { cwd: skill.cwd })).stderr).toContain('skillscan.config.yaml:1:1: ignore: unknown skill "gti" (did you mean "git"?)');
    const format = project({ name: 'skillscan.config.yaml', text: 'format: xml\n' });
    expect((await cli(['scan', 'ad.md'], { cwd: format.cwd })).stderr).toContain(
      'skillscan.config.yaml:1:1: "format" must be one of table, json, jsonl, markdown, csv',
    );
    const score = project({ name: 'skillscan.config.yaml', text: 'min-score: high\n' });
    expect((await cli(['scan', 'ad.md'], { cwd: score.cwd })).stderr).toContain('"min-score" must be a whole number from 0 to 100');
    const broken = project({ name: 'skillscan.config.yaml', text: 'ignore: [git\n' });
    const b = await cli(['scan', 'ad.md'], { cwd: broken.cwd });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/skillscan\.config\.yaml:\d+:\d+: /);
    expect(b.stderr).not.toContain('internal error');
  });

  it('--config FILE names the file; eval reads the taxonomy but keeps its own format choices', async () => {
    const { root, cwd } = project();
    writeFileSync(join(root, 'other.yaml'), 'format: markdown\ntaxonomy: [acme.yaml]\n');
    expect((await cli(['scan', 'ad.md', '--config', join(root, 'other.yaml')], { cwd })).stdout).toMatch(/^### ad\.md — score/);
    const e = await cli(['eval', '--labels', 'x.json', '--print-config', '--config', join(root, 'other.yaml')], { cwd });
    expect(e.stdout).toMatch(/format +table +\(default; .*other\.yaml:1:1 is not a choice here\)/);
    expect(e.stdout).toMatch(/taxonomy +\[.*acme\.yaml\]/);
    expect((await cli(['scan', 'ad.md', '--config', 'nope.yaml'], { cwd })).stderr).toContain('--config nope.yaml: no such file');
  });

  it('--ignore on the command line must name skills of the taxonomy', async () => {
    const { cwd } = project();
    expect(ids((await cli(['scan', 'ad.md', '--ignore', 'python', '--ignore', 'django', '-f', 'json'], { cwd })).stdout)).not.toEqual(
      expect.arrayContaining(['python']),
    );
    const r = await cli(['scan', 'ad.md', '--ignore', 'pyhton'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ignore: unknown skill "pyhton" (did you mean "python"?)');
  });
});

describe.each(RUNNERS)('configuration for compare (%s)', (_mode, cli) => {
  it('min-fit from the file gates compare; the flag overrides it', async () => {
    const { cwd } = project({ name: 'skillscan.config.yaml', text: 'min-fit: 100\nformat: csv\n' });
    const gated = await cli(['compare', '--cv', 'ad.md', 'ad.md', '-q'], { cwd });
    expect(gated.code).toBe(0); // an ad against itself fits 100
    writeFileSync(join(cwd, 'cv.md'), 'I write Python.');
    expect((await cli(['compare', '--cv', 'cv.md', 'ad.md', '-q'], { cwd })).code).toBe(1);
    expect((await cli(['compare', '--cv', 'cv.md', 'ad.md', '-q', '--min-fit', '0'], { cwd })).code).toBe(0);
    const p = await cli(['compare', '--cv', 'cv.md', '--print-config'], { cwd });
    expect(p.stdout).toMatch(/min-fit +100 +\(.*skillscan\.config\.yaml:1:1\)/);
    expect(p.stdout).toMatch(/format +csv/);
  });
});
