import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runSubprocess } from './helpers/cli.js';

// The README and docs/ show real output and link to real files: these tests keep them so.
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
/** The fenced code blocks of a Markdown text, without their fences. */
function codeBlocks(text: string): string[] {
  const blocks: string[] = [];
  let open: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) {
      if (open) blocks.push(open.map((l) => `${l}\n`).join(''));
      open = open ? undefined : [];
    } else open?.push(line);
  }
  return blocks;
}

describe('README', () => {
  it('is first contact: at most 15 KB, with the two set-up commands under Quick start', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(15 * 1024);
    expect(readme).toMatch(/## Quick start\n\n```sh\nnpm ci && node bin\/skillscan\.js scan fixtures\/jobs\/python-backend\.md\nnpm test\n```/);
  });

  it('shows the scan table the tool prints', () => {
    const r = runSubprocess(['scan', 'fixtures/jobs/python-backend.md', '--no-color']);
    expect(codeBlocks(readme)).toContain(r.stdout);
  });

  it('shows the start of the compare report the tool prints', () => {
    const r = runSubprocess(['compare', '--cv', 'fixtures/compare/cv-python.md', 'fixtures/compare/ad-python.md', '--no-color']);
    const shown = codeBlocks(readme).find((b) => b.startsWith('fixtures/compare/ad-python.md'))!;
    expect(r.stdout.startsWith(shown.trimEnd())).toBe(true);
  });
});

describe('docs/', () => {
  it('shows report lines the tool prints', () => {
    const r = runSubprocess(['report', '--jsonl', 'fixtures/report/ads.jsonl', '--top', '5', '--no-color']);
    const cli = readFileSync(join(ROOT, 'docs/cli.md'), 'utf8');
    const sample = codeBlocks(cli).find((b) => b.startsWith('$ skillscan report --jsonl fixtures/report/ads.jsonl --top 5'))!;
    for (const line of sample.split('\n').slice(1)) if (line.trim() !== '' && line.trim() !== '...') expect(r.stdout).toContain(line);
  });

  it('links only to files that exist', () => {
    for (const file of ['README.md', ...docs.map((d) => `docs/${d}`)]) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/\]\(([^)#:]+)(?:#[^)]*)?\)/g)) expect(existsSync(join(ROOT, dirname(file), m[1]!)), `${file} -> ${m[1]}`).toBe(true);
    }
  });

  it('quotes --no-levels as --help does, never as 2x', () => {
    const help = runSubprocess(['report', '--help']).stdout;
    expect(help).not.toMatch(/2x faster/);
    for (const file of ['README.md', ...docs.map((d) => `docs/${d}`)]) expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/about 2x|2× faster/);
  });
});

describe('docs/levels-and-years.md', () => {
  it('counts the shipped cue files as they are', async () => {
    const { loadTaxonomy } = await import('../src/index.js');
    const counts = new Map<string, [number, number, number]>();
    for (const c of loadTaxonomy().taxonomy().cues) {
      const [cues, phrases, examples] = counts.get(c.language) ?? [0, 0, 0];
      counts.set(c.language, [
        cues + 1,
        phrases + c.phrases.length,
        examples + c.examples.preferred.length + c.examples.required.length + c.examples.excluded.length,
      ]);
    }
    const page = readFileSync(join(ROOT, 'docs/levels-and-years.md'), 'utf8');
    const rows = [...page.matchAll(/^\| `(\w+)\.yaml` \| \w+ \| (\d+) \| (\d+) \| (\d+) \|$/gm)].map((m) => [m[1], [Number(m[2]), Number(m[3]), Number(m[4])]]);
    expect(new Map(rows as [string, [number, number, number]][])).toEqual(counts);
  });
});
