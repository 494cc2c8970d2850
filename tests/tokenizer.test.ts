import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scanner } from '../src/pipeline/scanner.js';
import { loadTaxonomy } from '../src/taxonomy/index.js';
import { extractText } from '../src/extract/extract.js';
import { LineIndex } from '../src/util/lines.js';
import { Lexicon } from '../src/match/lexicon.js';
import { TokenBuffer, splitWords, tokenize } from '../src/match/tokenize.js';
import { mini, miniScanner } from './helpers/mini.js';

// The mini taxonomy's words plus some punctuated names: a token is kept whole when it is known whole.
const words = [...mini.compiled.words, 'ci/cd', 'pl/sql', 't-sql', 'objective-c', 'socket.io', 'k8s', 'asp.net', 'vue.js', 'f#'];
const lexicon = new Lexicon(words);

function tokens(text: string): string[] {
  const buffer = new TokenBuffer();
  tokenize(text, lexicon, buffer);
  return Array.from({ length: buffer.count }, (_, i) => text.slice(buffer.start[i], buffer.end[i]));
}

// Text made of the characters that matter to the tokenizer: names, punctuation, line ends, Unicode.
const techText = fc
  .array(
    fc.constantFrom(
      'Python',
      'C#',
      'C++',
      '.NET',
      'Node.js',
      'CI/CD',
      'Go',
      'go',
      'Spring Boot',
      'SQL Server',
      'grade C',
      'PythonDjango',
      'Java17',
      ' ',
      '  ',
      '\n',
      '\r\n',
      '\r',
      ',',
      '.',
      '/',
      '-',
      '(',
      ')',
      'é',
      '経験',
      '😀',
      '\u00a0',
      '•',
      'x',
      '3',
      '#',
      '+',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), techText);

describe('tokenizer', () => {
  it('keeps technology names whole', () => {
    expect(tokens('C#, C++, F#, .NET, ASP.NET, Node.js, Vue.js, CI/CD, PL/SQL, T-SQL, Objective-C, k8s, socket.io')).toEqual([
      'C#',
      'C++',
      'F#',
      '.NET',
      'ASP.NET',
      'Node.js',
      'Vue.js',
      'CI/CD',
      'PL/SQL',
      'T-SQL',
      'Objective-C',
      'k8s',
      'socket.io',
    ]);
    expect(tokens('C/C++')).toEqual(['C', 'C++']); // not known whole: split at the slash
  });

  it('drops trailing sentence punctuation but keeps + and #', () => {
    expect(tokens('We use Python. And C#. And C++, e.g. Java-')).toEqual(['We', 'use', 'Python', 'And', 'C#', 'And', 'C++', 'e.g', 'Java']);
  });

  it('splits aliases with the same rules', () => {
    expect(splitWords('Ruby on Rails').map((w) => w.text)).toEqual(['ruby', 'on', 'rails']);
    expect(splitWords('ASP.NET Core').map((w) => w.text)).toEqual(['asp.net', 'core']);
  });

  it('never throws and yields ordered, non-overlapping tokens without spaces', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const buffer = new TokenBuffer();
        tokenize(text, lexicon, buffer);
        let last = 0;
        for (let i = 0; i < buffer.count; i++) {
          const s = buffer.start[i]!;
          const e = buffer.end[i]!;
          if (!(s >= last && e > s && e <= text.length)) return false;
          if (/\s/.test(text.slice(s, e))) return false;
          last = e;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scanner invariants', () => {
  it('never throws; every match reads back its text at line:column', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const doc = miniScanner.scanText(text);
        const lines = text.split(/\r\n|\r|\n/);
        return doc.skills.every((s) =>
          s.matches.every(
            (m) => lines[m.line - 1]!.slice(m.column - 1, m.column - 1 + m.text.length) === m.text && text.slice(m.offset, m.offset + m.text.length) === m.text,
          ),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same skills whatever the line-ending style', () => {
    fc.assert(
      fc.property(techText, (text) => {
        const lf = text.replace(/\r\n|\r/g, '\n');
        const summary = (t: string) =>
          miniScanner.scanText(t).skills.map((s) => `${s.id}:${s.count}:${s.matches.map((m) => `${m.line}.${m.column}`).join(',')}`);
        return (
          JSON.stringify(summary(lf)) === JSON.stringify(summary(lf.replace(/\n/g, '\r\n'))) &&
          JSON.stringify(summary(lf)) === JSON.stringify(summary(lf.replace(/\n/g, '\r')))
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('computes line and column for LF, CRLF and lone CR', () => {
    const index = new LineIndex('a\r\nbc\rd\ne');
    expect([0, 3, 4, 6, 8].map((o) => index.position(o))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 2, column: 2 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});

const builtin = new Scanner(loadTaxonomy().compiled);
const summary = (doc: { skills: { id: string; count: number; matches: { line: number; column: number }[] }[] }): string[] =>
  doc.skills.map((s) => `${s.id}:${s.count}:${s.matches.map((m) => `${m.line}.${m.column}`).join(',')}`);

/** Plain text as an HTML page would carry it: escaped, one `<br>` per line break. */
function asHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, '<br>\n');
}

describe('scanner invariants with the built-in taxonomy', () => {
  it('never throws; every match reads back its text at line:column', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const doc = builtin.scanText(text);
        const lines = text.split(/\r\n|\r|\n/);
        return doc.skills.every((s) =>
          s.matches.every(
            (m) => lines[m.line - 1]!.slice(m.column - 1, m.column - 1 + m.text.length) === m.text && text.slice(m.offset, m.offset + m.text.length) === m.text,
          ),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same skills at the same line:column whatever the line-ending style', () => {
    fc.assert(
      fc.property(techText, (text) => {
        const lf = text.replace(/\r\n|\r/g, '\n');
        const expected = JSON.stringify(summary(builtin.scanText(lf)));
        return (
          expected === JSON.stringify(summary(builtin.scanText(lf.replace(/\n/g, '\r\n')))) &&
          expected === JSON.stringify(summary(builtin.scanText(lf.replace(/\n/g, '\r'))))
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('HTML input: the same skills as the plain text, each reading back in the original HTML', async () => {
    await fc.assert(
      fc.asyncProperty(techText, async (text) => {
        const html = asHtml(text);
        const extracted = await extractText(Buffer.from(html), 'ad.html');
        if (!extracted.ok) return html === ''; // an empty page is refused as an empty file
        const doc = builtin.scanExtracted(extracted, 'ad.html');
        const plain = builtin.scanText(text);
        const counts = (d: typeof doc) => d.skills.map((s) => `${s.id}:${s.count}:${s.implied}`);
        if (JSON.stringify(counts(doc)) !== JSON.stringify(counts(plain))) return false;
        const lines = html.split(/\r\n|\r|\n/);
        return doc.skills.every((s) =>
          s.matches.every(
            (m) => html.slice(m.offset, m.offset + m.text.length) === m.text && lines[m.line - 1]!.startsWith(m.text.split('\n')[0]!, m.column - 1),
          ),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
