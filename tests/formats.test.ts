import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, scanCsv } from '../src/report/scanCsv.js';
import { scanMarkdown } from '../src/report/scanMarkdown.js';
import type { ScanResult } from '../src/model/result.js';
import { RUNNERS } from './helpers/cli.js';

const JOBS = 'fixtures/jobs';
const PY = 'fixtures/jobs/python-backend.md';

/** A strict RFC 4180 reader (CRLF records, quoted fields with "" escapes), to read our CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quote');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      field = end < 0 ? text.slice(i) : text.slice(i, i + end);
      if (/["\r\n]/.test(field)) throw new Error(`bare field with a quote or line break: ${JSON.stringify(field)}`);
      i += field.length;
    }
    row.push(field);
    if (text.startsWith(',', i)) i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length > 0) throw new Error('last record without CRLF');
  return rows;
}

function fakeResult(source: string, name: string): ScanResult {
  const match = { text: name, line: 1, column: 1, offset: 0, snippet: name };
  return {
    schemaVersion: 1,
    taxonomy: { name: 't', version: '1' },
    documents: [
      {
        source,
        score: 5,
        coverage: [{ category: 'languages', label: 'Languages | <b>', matched: 1, total: 1, weight: 1, target: 1, covered: 1 }],
        skills: [{ id: 'x', name, category: 'languages', count: 1, implied: false, matches: [match] }],
      },
    ],
    errors: [],
  };
}

describe('csv reporter', () => {
  it('round-trips any field through RFC 4180 quoting', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (fields) => {
        expect(parseCsv(`${fields.map(csvField).join(',')}\r\n`)).toEqual([fields]);
      }),
    );
  });

  it('quotes sources and names with commas, quotes and line breaks', () => {
    const rows = parseCsv(scanCsv(fakeResult('ads/a, "b"\nc.txt', 'Foo, "Bar"')));
    expect(rows[1]!.slice(0, 4)).toEqual(['ads/a, "b"\nc.txt', '5', 'x', 'Foo, "Bar"']);
  });
});

describe('markdown reporter', () => {
  it('keeps user text from breaking the table or injecting HTML', () => {
    const md = scanMarkdown(fakeResult('a|b<script>.md', 'Sk|ll *x*'));
    expect(md).toContain('### a|b&lt;script&gt;.md — score 5/100');
    expect(md).toContain('| Languages \\| &lt;b&gt; | 1/1 | **Sk\\|ll \\*x\\*** |');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>');
  });
});

describe.each(RUNNERS)('scan formats (%s)', (_mode, cli) => {
  it('jsonl: one whole compact document per line, equal to the JSON documents', async () => {
    const json = JSON.parse((await cli(['scan', JOBS, '-f', 'json'])).stdout);
    const r = await cli(['scan', JOBS, '-f', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const lines = r.stdout.slice(0, -1).split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(json.documents);
    for (const l of lines) expect(l).not.toMatch(/^\s|\n/);
  });

  it('markdown: a heading with the score, a category table, matches in <details>', async () => {
    const r = await cli(['scan', PY, `${JOBS}/nurse.txt`, '-f', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\*\*2 documents\*\* scanned with taxonomy backend/);
    expect(r.stdout).toMatch(/### fixtures\/jobs\/python-backend\.md — score \d+\/100/);
    expect(r.stdout).toContain('| Category | Found / target | Skills |');
    expect(r.stdout).toMatch(/\| Languages \| \d+\/\d+ \| \*\*Python\*\* ×\d+/);
    expect(r.stdout).toMatch(/<details><summary>\d+ matches<\/summary>\n\n\| Line:col \| Skill \| Context \|/);
    expect(r.stdout).toContain('### fixtures/jobs/nurse.txt — score 0/100\n\n_No skills from the taxonomy were found in this text._');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('csv: a header, then one row per document × skill in JSON order', async () => {
    const json = JSON.parse((await cli(['scan', JOBS, '-f', 'json'])).stdout);
    const r = await cli(['scan', JOBS, '-f', 'csv', '--color']);
    expect(r.code).toBe(0);
    const [header, ...rows] = parseCsv(r.stdout);
    expect(header).toEqual([...CSV_COLUMNS]);
    const expected = json.documents.flatMap((d: any) =>
      d.skills.length === 0
        ? [[d.source, String(d.score), '', '', '', '', '', '', '', '']]
        : d.skills.map((s: any) => [
            d.source,
            String(d.score),
            s.id,
            s.name,
            s.category,
            String(s.count),
            String(s.implied),
            s.level ?? '',
            String(s.matches[0]?.line ?? ''),
            String(s.matches[0]?.column ?? ''),
          ]),
    );
    expect(rows).toEqual(expected);
  });

  it('writes every format to -o FILE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillscan-fmt-'));
    for (const format of ['jsonl', 'markdown', 'csv']) {
      const file = join(dir, `out.${format}`);
      const r = await cli(['scan', PY, '-f', format, '-o', file]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(readFileSync(file, 'utf8')).toContain(format === 'csv' ? 'python-backend.md,' : 'python-backend.md');
    }
  });
});
