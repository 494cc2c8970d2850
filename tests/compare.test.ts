import { describe, expect, it } from 'vitest';
import { compareText, loadTaxonomy } from '../src/index.js';
import { RUNNERS } from './helpers/cli.js';
import { expectCompareSchema } from './helpers/schema.js';

const CV = 'fixtures/compare/cv-python.md';
const CV_TXT = 'fixtures/compare/cv-python.txt';
const EMPTY = 'fixtures/compare/cv-empty.txt';
const PY = 'fixtures/compare/ad-python.md';
const JAVA = 'fixtures/compare/ad-java.txt';
const NOTHING = 'fixtures/compare/ad-nothing.txt';

const ids = (list: { id: string }[]): string[] => list.map((s) => s.id).sort();

describe.each(RUNNERS)('skillscan compare (%s)', (_mode, cli) => {
  async function json(args: string[], options?: Parameters<typeof cli>[1]): Promise<any> {
    const r = await cli(['compare', ...args, '-f', 'json'], options);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expectCompareSchema(out);
    return out;
  }

  it('prints a verdict, required gaps first with where the ad asks, typos and matches', async () => {
    const r = await cli(['compare', '--cv', CV, PY, '--no-color']);
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/ad-python\.md {2}fit 56\/100/);
    expect(out).toContain('Partial match: 3 required gaps to close first (PostgreSQL, Kubernetes, Java), then 2 preferred gaps.');
    expect(out.indexOf('Required gaps (3)')).toBeLessThan(out.indexOf('Preferred gaps (2)'));
    expect(out).toMatch(/✗ PostgreSQL +ad 8:14 +"- Django and PostgreSQL"/);
    expect(out).toMatch(/~ Java \(3\+ years asked, CV states 1\) +ad 11:37/);
    expect(out).toContain('AWS or Azure or Google Cloud (any one)');
    expect(out).toMatch(/"Postgress" \(CV 6:3\) looks like PostgreSQL/);
    expect(out).toMatch(/"Kubernates" \(CV 7:11\) looks like Kubernetes/);
    expect(out).toMatch(/Matched \(4\) +Python \(5\+ yrs asked, CV 6\), Django, Docker, Kafka/);
  });

  it('gives the pinned JSON: fit, matched, missing with level, years and alternatives, extra', async () => {
    const out = await json(['--cv', CV, PY]);
    expect(out.schemaVersion).toBe(1);
    expect(out.cv).toBe(CV);
    const [c] = out.comparisons;
    expect(c.job).toBe(PY);
    expect(c.fit).toBe(56);
    expect(ids(c.matched)).toEqual(['django', 'docker', 'kafka', 'python']);
    expect(c.missing.map((m: any) => [m.id, m.level, m.reason])).toEqual([
      ['postgresql', 'required', 'absent'],
      ['kubernetes', 'required', 'absent'],
      ['java', 'required', 'years'],
      ['aws', 'preferred', 'absent'],
      ['google-cloud', 'preferred', 'absent'],
      ['azure', 'preferred', 'absent'],
      ['terraform', 'preferred', 'absent'],
    ]);
    expect(c.missing.find((m: any) => m.id === 'java')).toEqual(expect.objectContaining({ years: 3, cvYears: 1 }));
    expect(c.missing.find((m: any) => m.id === 'aws').anyOf).toEqual(['aws', 'azure', 'google-cloud']);
    expect(ids(c.extra)).toEqual(['asynchronous-processing', 'celery', 'fastapi', 'redis', 'rest']);
    // RabbitMQ is an alternative to Kafka, which the CV has: not a gap.
    expect(ids(c.missing)).not.toContain('rabbitmq');
    expect(c.suggestions.map((s: any) => [s.word, s.id])).toEqual([
      ['Postgress', 'postgresql'],
      ['Kubernates', 'kubernetes'],
    ]);
  });

  it('reads the same CV as .md and .txt alike', async () => {
    const md = (await json(['--cv', CV, PY, JAVA])).comparisons;
    const txt = (await json(['--cv', CV_TXT, PY, JAVA])).comparisons;
    expect(txt.map((c: any) => [c.fit, ids(c.matched), ids(c.missing)])).toEqual(md.map((c: any) => [c.fit, ids(c.matched), ids(c.missing)]));
  });

  it('reads a CV kept as PDF or Word (.docx), recognised by content', async () => {
    // fixtures/inputs/ad.{pdf,docx} hold the same text (made by fixtures/inputs/make-fixtures.mjs).
    const pdf = (await json(['--cv', 'fixtures/inputs/ad.pdf', PY])).comparisons[0];
    const docx = (await json(['--cv', 'fixtures/inputs/ad.docx', PY])).comparisons[0];
    expect(ids(pdf.matched)).toEqual(expect.arrayContaining(['python', 'django', 'postgresql', 'kafka', 'docker', 'kubernetes', 'terraform']));
    expect([docx.fit, ids(docx.matched), ids(docx.missing)]).toEqual([pdf.fit, ids(pdf.matched), ids(pdf.missing)]);
  });

  it('stops with one clear line on an unreadable CV (corrupt PDF)', async () => {
    const r = await cli(['compare', '--cv', 'fixtures/inputs/corrupt.pdf', PY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^skillscan: --cv fixtures\/inputs\/corrupt\.pdf: not a valid PDF/);
    expect(r.stdout).toBe('');
  });

  it('takes an empty CV: every skill the ad asks is a gap, fit 0', async () => {
    const [c] = (await json(['--cv', EMPTY, JAVA])).comparisons;
    expect(c.fit).toBe(0);
    expect(c.matched).toEqual([]);
    expect(c.missing.map((m: any) => [m.id, m.level, m.years])).toEqual([
      ['java', 'required', 4],
      ['spring-boot', 'required', undefined],
      ['hibernate', 'required', undefined],
      ['docker', 'required', undefined],
      ['kubernetes', 'preferred', undefined],
      ['kotlin', 'preferred', undefined],
    ]);
  });

  it('gives fit 100 to an ad that asks nothing, and says so', async () => {
    const r = await cli(['compare', '--cv', CV, NOTHING, '--no-color']);
    expect(r.stdout).toContain('fit 100/100');
    expect(r.stdout).toContain('The ad names no skills');
  });

  it('ranks several ads by fit; --min-fit exits 1 when one is below', async () => {
    const r = await cli(['compare', '--cv', CV, JAVA, PY, '--no-color', '--min-fit', '50']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Ranking \(2 ads\)\n +1\. +56 +fixtures\/compare\/ad-python\.md +3 required gaps\n +2\. +30 +fixtures\/compare\/ad-java\.txt/);
    expect((await cli(['compare', '--cv', CV, JAVA, PY, '--min-fit', '30', '-q'])).code).toBe(0);
  });

  it('reads the ad from stdin, and dirs and globs like scan', async () => {
    const stdin = (await json(['--cv', CV, '-'], { stdin: 'We need Go and PostgreSQL. Kafka is a plus.' })).comparisons[0];
    expect(stdin.job).toBe('-');
    expect(stdin.missing.map((m: any) => [m.id, m.level])).toEqual([
      ['go', 'required'],
      ['postgresql', 'required'],
    ]);
    const glob = await json(['--cv', CV, 'fixtures/compare/ad-*.txt']);
    expect(glob.comparisons.map((c: any) => c.job)).toEqual([JAVA, NOTHING]);
  });

  it('shows the formula with --explain', async () => {
    const r = await cli(['compare', '--cv', CV, PY, '--explain', '--no-color']);
    expect(r.stdout).toContain('fit = 100 × Σ weight × credit / Σ weight');
    expect(r.stdout).toContain('= 100 × 4.5 / 8 = 56');
    expect(r.stdout).toMatch(/kafka \| rabbitmq +required +weight 1 × credit 1/);
  });

  it('reports an unreadable ad and still compares the others (exit 2); a missing CV is a usage error', async () => {
    const r = await cli(['compare', '--cv', CV, 'nope.txt', PY, '-f', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('nope.txt: no such file or directory\n');
    const out = JSON.parse(r.stdout);
    expectCompareSchema(out);
    expect(out.comparisons.length).toBe(1);
    const bad = await cli(['compare', '--cv', 'missing-cv.md', PY]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--cv missing-cv.md: no such file or directory');
    expect(bad.stderr).not.toContain('    at ');
    expect((await cli(['compare', PY])).code).toBe(2);
  });

  it('writes markdown, csv and jsonl', async () => {
    const md = await cli(['compare', '--cv', CV, PY, JAVA, '-f', 'markdown']);
    expect(md.stdout).toContain('| Job | Fit | Required gaps | Preferred gaps |');
    expect(md.stdout).toContain('| `fixtures/compare/ad-python.md` | 56 | 3 | 2 |');
    expect(md.stdout).toContain('| Java (3+ years asked, CV states 1) | required | 11:37');
    expect(md.stdout).not.toMatch(/\x1b\[/);
    const csv = await cli(['compare', '--cv', CV, PY, '-f', 'csv']);
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('job,fit,skill,name,category,status,level,years_asked,cv_years,ad_line,ad_column');
    expect(rows).toContain('fixtures/compare/ad-python.md,56,java,Java,languages,too-few-years,required,3,1,11,37');
    expect(rows).toContain('fixtures/compare/ad-python.md,56,python,Python,languages,matched,required,5,6,,');
    expect(rows).toContain('fixtures/compare/ad-python.md,56,redis,Redis,databases,extra,,,,,');
    const jsonl = await cli(['compare', '--cv', CV, PY, JAVA, '-f', 'jsonl']);
    const lines = jsonl.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.job, l.fit])).toEqual([
      [PY, 56],
      [JAVA, 30],
    ]);
    for (const l of lines)
      expectCompareSchema({
        schemaVersion: 1,
        taxonomy: { name: 'x', version: '1' },
        cv: l.cv,
        comparisons: [{ ...l, schemaVersion: undefined, cv: undefined }].map(({ schemaVersion: _s, cv: _c, ...rest }) => rest),
        errors: [],
      });
  });
});

describe('fit formula', () => {
  const taxonomy = loadTaxonomy();
  const fitOf = (cv: string, ad: string): number => compareText(cv, ad, { taxonomy }).fit;

  it('weighs required 1 and preferred 0.5', () => {
    const ad = '## Requirements\n- Python\n- PostgreSQL\n## Nice to have\n- Kafka\n';
    expect(fitOf('Python', ad)).toBe(40); // 1 / 2.5
    expect(fitOf('Python, PostgreSQL', ad)).toBe(80); // 2 / 2.5
    expect(fitOf('Kafka', ad)).toBe(20); // 0.5 / 2.5
    expect(fitOf('Python, PostgreSQL, Kafka', ad)).toBe(100);
    expect(fitOf('', ad)).toBe(0);
  });

  it('counts a skill only implied by the CV half, and shows it as implied', () => {
    const c = compareText('I build APIs with Django.', 'We need Python and PostgreSQL.', { taxonomy });
    expect(c.fit).toBe(25); // 0.5 / 2
    expect(c.matched).toEqual([expect.objectContaining({ id: 'python', implied: true, impliedBy: ['django'] })]);
    expect(c.extra.map((e) => e.id)).toEqual(['django']);
  });

  it('counts a group of alternatives as one requirement, met by any member', () => {
    expect(fitOf('RabbitMQ', 'We need Kafka or RabbitMQ, and Go experience.')).toBe(50);
    expect(fitOf('GCP', 'Experience with AWS/GCP/Azure and Docker')).toBe(50);
    expect(fitOf('MySQL', 'PostgreSQL, MySQL or similar. Also Redis.')).toBe(50);
    // "and" is not "or": both are asked
    expect(fitOf('Kafka', 'We need Kafka and RabbitMQ.')).toBe(50);
    // a language and its framework are not substitutes
    expect(fitOf('C#', 'Experience in C#/.NET')).toBe(50);
  });

  it('counts fewer years than asked half, and none stated as enough', () => {
    const ad = '- 5+ years of Python\n- Docker';
    expect(fitOf('Python (2 years), Docker', ad)).toBe(75);
    expect(fitOf('Python: 7 years, Docker', ad)).toBe(100);
    expect(fitOf('Python, Docker', ad)).toBe(100);
  });

  it('stays within 0-100 and never rewards an emptier CV', () => {
    const ad = '## Requirements\n- Go, Kafka or RabbitMQ\n- 3+ years of Kubernetes\n## Nice to have\n- Terraform; ideally AWS';
    const cvs = ['', 'Go', 'Go, Kafka', 'Go, Kafka, Kubernetes (1 year)', 'Go, Kafka, Kubernetes (4 years)', 'Go, Kafka, Kubernetes, Terraform, AWS'];
    const fits = cvs.map((cv) => fitOf(cv, ad));
    for (let i = 1; i < fits.length; i++) expect(fits[i]).toBeGreaterThanOrEqual(fits[i - 1]!);
    expect(fits[0]).toBe(0);
    expect(fits[fits.length - 1]).toBe(100);
  });
});

describe('typo suggestions', () => {
  const taxonomy = loadTaxonomy();
  const typos = (cv: string, ad: string): string[] => compareText(cv, ad, { taxonomy }).suggestions.map((s) => `${s.word}>${s.id}`);

  it('suggests near spellings of missing skills only', () => {
    expect(typos('Postgress, Javascipt, Kubernates', 'PostgreSQL, JavaScript and Kubernetes')).toEqual([
      'Postgress>postgresql',
      'Javascipt>javascript',
      'Kubernates>kubernetes',
    ]);
  });
  it('never suggests an ordinary word, a short word, a matched skill or a skill the ad does not ask', () => {
    expect(typos('I like to scale systems and write closures; sprint planning.', 'Scala, Clojure and Spring')).toEqual([]);
    expect(typos('Kafak', 'Kafka')).toEqual(['Kafak>kafka']);
    expect(typos('Rsut', 'Rust and Go')).toEqual([]); // shorter than 5 letters
    expect(typos('Postgres, Postgress', 'PostgreSQL')).toEqual([]); // PostgreSQL matched
    expect(typos('Kubernates', 'Docker')).toEqual([]);
  });
});
