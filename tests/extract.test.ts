import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities/decode';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scanner } from '../src/pipeline/scanner.js';
import { loadTaxonomy } from '../src/taxonomy/index.js';
import { extractText, type ExtractResult, type Extracted } from '../src/extract/extract.js';
import { htmlToText } from '../src/extract/html.js';
import type { DocumentResult } from '../src/model/result.js';
import { ROOT } from './helpers/cli.js';

const builtin = new Scanner(loadTaxonomy().compiled);
const fixture = (name: string): Buffer => readFileSync(join(ROOT, 'fixtures/inputs', name));

function ok(result: ExtractResult): Extracted {
  if (!result.ok) throw new Error(`expected text, got: ${result.message}`);
  return result;
}

/** Every match reads back at its line:column and offset in `source`, and matches do not overlap. */
function readsBack(doc: DocumentResult, source: string): boolean {
  const lines = source.split(/\r\n|\r|\n/);
  const spans = doc.skills.flatMap((s) => s.matches).sort((a, b) => a.offset - b.offset);
  let last = 0;
  for (const m of spans) {
    if (m.offset < last || m.offset + m.text.length > source.length) return false;
    if (source.slice(m.offset, m.offset + m.text.length) !== m.text) return false;
    // A match may span lines in HTML (source line breaks are spaces there): compare its first line.
    const first = m.text.split(/\r\n|\r|\n/)[0]!;
    if (lines[m.line - 1]!.slice(m.column - 1, m.column - 1 + first.length) !== first) return false;
    last = m.offset + m.text.length;
  }
  return true;
}

const namedIds = (doc: DocumentResult): string[] =>
  doc.skills
    .filter((s) => !s.implied)
    .map((s) => s.id)
    .sort();

describe('format detection', () => {
  it('recognises PDF and DOCX by content, whatever the name', async () => {
    expect(ok(await extractText(fixture('ad.pdf'), 'renamed.txt')).format).toBe('pdf');
    expect(ok(await extractText(fixture('ad.docx'))).format).toBe('docx');
    expect(ok(await extractText(fixture('ad.docx'), 'cv.bin')).format).toBe('docx');
  });

  it('recognises HTML by name, by a doctype, or by its tags; leaves prose with a tag alone', async () => {
    expect(ok(await extractText(Buffer.from('<b>Go</b> and Rust'), 'ad.htm')).format).toBe('html');
    expect(ok(await extractText(Buffer.from('\ufeff  <!DOCTYPE html><title>x</title>'))).format).toBe('html');
    expect(ok(await extractText(Buffer.from('<HTML><body>Go'))).format).toBe('html');
    expect(ok(await extractText(Buffer.from('<p>one</p><p>two</p><li>three'))).format).toBe('html');
    expect(ok(await extractText(Buffer.from('We use List<String> and Map<K, V> in Java. <br> once.'))).format).toBe('text');
  });

  it('refuses a .pdf or .docx that is not one, and other zips, with a reason', async () => {
    expect(await extractText(Buffer.from('just text'), 'cv.pdf')).toEqual({ ok: false, message: 'not a valid PDF (no %PDF- header)' });
    expect(await extractText(Buffer.from('just text'), 'cv.docx')).toEqual({ ok: false, message: expect.stringMatching(/^not a valid \.docx \(zip\) file/) });
    expect(await extractText(fixture('not-word.docx'), 'x.zip')).toEqual({ ok: false, message: 'binary file (a zip archive), not text' });
    expect(await extractText(Buffer.alloc(0), 'empty.txt')).toEqual({ ok: false, message: 'empty file, nothing to scan' });
  });
});

describe('HTML', () => {
  const html = fixture('ad.html').toString('utf8');

  it('drops scripts, styles and comments, decodes entities, keeps blocks on their own lines', () => {
    const { text } = htmlToText(html);
    expect(text).not.toMatch(/Oracle|Ruby|Laravel|PHP|window\.track|<(?!and>)|color:/);
    expect(text).toContain('Senior Backend Engineer (C++ & Go)');
    expect(text).toContain('Acme\u00a0Payments moves money');
    expect(text).toContain('Prometheus <and> Grafana');
    // Bullets are lines of one paragraph; headings are paragraphs of their own.
    expect(text).toMatch(/\n\s*5\+ years with C\+\+ or Go in production\n\s*Kubernetes & Docker on AWS\n\s*Kafka\ngRPC\n/);
    expect(text).toMatch(/\n\nRequirements\n\n/);
  });

  it('reports positions and text in the original file; an entity match is its original span', async () => {
    const extracted = ok(await extractText(fixture('ad.html'), 'ad.html'));
    const doc = builtin.scanExtracted(extracted, 'ad.html');
    expect(namedIds(doc)).toEqual(['aws', 'cpp', 'docker', 'go', 'grafana', 'grpc', 'kafka', 'kubernetes', 'postgresql', 'prometheus', 'redis', 'terraform']);
    expect(readsBack(doc, html)).toBe(true);
    const cpp = doc.skills.find((s) => s.id === 'cpp')!;
    expect(cpp.matches.map((m) => [m.text, m.line, m.column])).toEqual([
      ['C&#43;&#43;', 17, 30],
      ['C++', 19, 12],
      ['C&#x2B;&#x2B;', 22, 21],
    ]);
  });

  // Pieces that stress the parser: tags of each kind, entities (named, numeric, legacy, unknown),
  // stray < > &, quotes, hidden elements, line ends, and skill names to match across all of it.
  const piece = fc.constantFrom(
    '<p>',
    '</p>',
    '<div class="a>b">',
    '</div>',
    '<br>',
    '<br/>',
    '<li>',
    '</li>',
    '<ul>',
    '<td>',
    '<tr>',
    '<h2>',
    '<b>',
    '</b>',
    '<pre>',
    '</pre>',
    '<script>Java</script>',
    '<style>.go{}</style>',
    '<script>',
    '<!-- Python -->',
    '<!--',
    '<!DOCTYPE html>',
    '<?xml?>',
    '&amp;',
    '&#43;',
    '&#x2B;',
    '&nbsp;',
    '&lt;',
    '&gt;',
    '&copy2024',
    '&bogus;',
    '&#99999999;',
    '&',
    '<',
    '>',
    '"',
    "'",
    '=',
    '/',
    ' ',
    '  ',
    '\n',
    '\r\n',
    '\r',
    ',',
    '.',
    'C',
    '++',
    'C&#43;&#43;',
    'C&plus;&plus;',
    'Python',
    'Go',
    'go',
    'Spring',
    ' Boot',
    'PostgreSQL',
    'Node',
    '.js',
    'é',
    '😀',
    'x',
  );
  const htmlish = fc.oneof(
    fc.array(piece, { maxLength: 60 }).map((p) => p.join('')),
    fc.string({ unit: 'binary', maxLength: 120 }),
  );

  it('property: the original span of a match starts and ends on the characters it matched (no half entities)', () => {
    fc.assert(
      fc.property(htmlish, (source) => {
        const { text, map } = htmlToText(source);
        return builtin.matcher.match(text).every((f) => {
          const decoded = decodeHTML(source.slice(map.toSource(f.start), map.toSource(f.end, true)));
          const matched = text.slice(f.start, f.end);
          return decoded[0] === matched[0] && decoded.at(-1) === matched.at(-1);
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('property: every match of HTML maps back inside the source, exactly, without overlaps', async () => {
    await fc.assert(
      fc.asyncProperty(htmlish, async (source) => {
        const result = await extractText(Buffer.from(source), 'page.html');
        if (!result.ok) return true; // decoded as binary: nothing to map
        const doc = builtin.scanExtracted(result, 'page.html');
        return readsBack(doc, result.source);
      }),
      { numRuns: 1500 },
    );
  });

  it('property: the offset map is monotonic and stays inside the source', () => {
    fc.assert(
      fc.property(htmlish, (source) => {
        const { text, map } = htmlToText(source);
        let last = 0;
        for (let i = 0; i < text.length; i++) {
          const start = map.toSource(i);
          const end = map.toSource(i + 1, true);
          if (start < last || end <= start || end > source.length) return false;
          last = start;
        }
        return true;
      }),
      { numRuns: 1500 },
    );
  });
});

describe('PDF and DOCX', () => {
  it('extracts a text PDF; positions are in the extracted text', async () => {
    const extracted = ok(await extractText(fixture('ad.pdf'), 'ad.pdf'));
    expect(extracted.text.split('\n')[1]).toBe('We build APIs with Python, Django and PostgreSQL.');
    const doc = builtin.scanExtracted(extracted, 'ad.pdf');
    expect(namedIds(doc)).toEqual(['aws', 'django', 'docker', 'kafka', 'kubernetes', 'postgresql', 'python', 'redis', 'terraform']);
    expect(readsBack(doc, extracted.source)).toBe(true);
    expect(doc.skills.find((s) => s.id === 'django')!.matches[0]).toMatchObject({ line: 2, column: 28 });
  });

  it('extracts a .docx, runs joined and paragraphs apart', async () => {
    const extracted = ok(await extractText(fixture('ad.docx'), 'ad.docx'));
    expect(extracted.text).toContain('You will run services on AWS with Docker and Kubernetes.');
    expect(extracted.text).toContain('\n\nRequirements\n\n');
    const doc = builtin.scanExtracted(extracted, 'ad.docx');
    expect(namedIds(doc)).toEqual(['aws', 'django', 'docker', 'kafka', 'kubernetes', 'postgresql', 'python', 'redis', 'terraform']);
    expect(readsBack(doc, extracted.source)).toBe(true);
  });

  it('says why a PDF or DOCX cannot be read', async () => {
    expect(await extractText(fixture('scanned.pdf'), 'scanned.pdf')).toEqual({ ok: false, message: 'no text layer (scanned image?); run OCR first' });
    expect(await extractText(fixture('encrypted.pdf'), 'encrypted.pdf')).toEqual({
      ok: false,
      message: 'PDF is encrypted (password-protected); save an unprotected copy first',
    });
    expect(await extractText(fixture('corrupt.pdf'), 'corrupt.pdf')).toEqual({
      ok: false,
      message: 'not a valid PDF (corrupt or truncated: Invalid PDF structure)',
    });
    expect(await extractText(fixture('corrupt.docx'), 'corrupt.docx')).toEqual({
      ok: false,
      message: expect.stringMatching(/^not a valid \.docx \(zip\) file \(.*central directory/),
    });
    expect(await extractText(fixture('not-word.docx'), 'not-word.docx')).toEqual({
      ok: false,
      message: expect.stringMatching(/^not a valid \.docx \(zip\) file \(Could not find main document part/),
    });
  });
});
