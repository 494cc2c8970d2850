import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../src/match/matcher.js';
import { buildMatchIndex, decodeMatchIndex } from '../src/match/matchIndex.js';
import { loadTaxonomy } from '../src/taxonomy/index.js';

import { Lexicon } from '../src/match/lexicon.js';
import { TokenBuffer, tokenize } from '../src/match/tokenize.js';
import { mini } from './helpers/mini.js';
import { RefMatcher, refTokenize } from './reference/referenceMatcher.js';

// The tuned tokenizer and matcher against the plain reference (tests/reference): same tokens, same
// word ids, same findings, on generated text made of the pieces the hot path treats specially.
const loaded = loadTaxonomy();
const shipped = loaded.compiled;
const CORPUS = new URL('../../shared/corpus/jobs.jsonl.gz', import.meta.url);

function pieces(words: string[]): fc.Arbitrary<string> {
  const seps = [
    ' ',
    ' ',
    ' ',
    '  ',
    '\n',
    '\r\n',
    '\n\n',
    '\r',
    ',',
    ', ',
    '.',
    '. ',
    '/',
    '-',
    ' - ',
    ' & ',
    '(',
    ')',
    ':',
    '\t',
    '\u00a0',
    '•',
    '—',
    '“',
    '”',
  ];
  const odd = [
    'é',
    'É',
    'ß',
    'İ',
    'Ｐｙｔｈｏｎ',
    'Ｃ＃',
    'C♯',
    '経験',
    'の',
    '😀',
    'x',
    '3',
    '17',
    '3.11',
    '#',
    '+',
    '.',
    'A',
    'Z',
    'ﬁ',
    'K',
    'ǅ',
    '\u0301',
    'ı',
  ];
  const word = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...words) },
    { weight: 2, arbitrary: fc.constantFrom(...words).map((w) => w.toUpperCase()) },
    { weight: 2, arbitrary: fc.constantFrom(...words).map((w) => w.replace(/^./, (c) => c.toUpperCase())) },
    { weight: 2, arbitrary: fc.constantFrom(...odd) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  );
  return fc.array(fc.oneof({ weight: 3, arbitrary: word }, { weight: 2, arbitrary: fc.constantFrom(...seps) }), { maxLength: 60 }).map((p) => p.join(''));
}

/** Alias words, cue words and `unless` phrases of a taxonomy: the words that make its rules fire. */
function vocabulary(taxonomy: typeof shipped): string[] {
  const cues = [...taxonomy.context.before, ...taxonomy.context.after, ...taxonomy.rules.flatMap((r) => [...r.before, ...r.after])].flat();
  const rules = taxonomy.rules.flatMap((r) => [r.alias, ...r.unless.map((u) => u.phrase)]);
  return [
    ...new Set([
      ...taxonomy.words,
      ...cues,
      ...rules,
      'Go',
      'Rust',
      'C',
      'R',
      'Java-based',
      'PythonDjango',
      'AWSExperience',
      'e-commerce',
      'full-stack',
      'Node.JS',
      'CI/CD',
    ]),
  ];
}

function tunedTokens(text: string, lexicon: Lexicon): [number, number, number][] {
  const buffer = new TokenBuffer();
  tokenize(text, lexicon, buffer);
  return Array.from({ length: buffer.count }, (_, i) => [buffer.start[i]!, buffer.end[i]!, buffer.wordAt(i, lexicon)]);
}

/** The taxonomy's lexicon as the matcher sets it up: only words that start an alias are looked up at once, the rest on demand. */
function tunedLexicon(taxonomy: typeof shipped): Lexicon {
  const lexicon = new Lexicon(taxonomy.words, Uint8Array.from(taxonomy.wordFlags));
  const { firstNode } = buildMatchIndex(taxonomy, []);
  lexicon.setEagerWords(taxonomy.words.map((_, w) => w).filter((w) => firstNode[w] !== 0));
  return lexicon;
}

describe.each([
  ['mini', mini.compiled],
  ['shipped', shipped],
])('tuned hot path = reference (%s taxonomy)', (_name, taxonomy) => {
  const matcher = new Matcher(taxonomy);
  const lexicon = tunedLexicon(taxonomy);
  const reference = new RefMatcher(taxonomy);
  const text = pieces(vocabulary(taxonomy));

  it('tokens and word ids', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(tunedTokens(t, lexicon)).toEqual(refTokenize(t, reference.lexicon).map((k) => [k.start, k.end, k.word]));
      }),
      { numRuns: 1500 },
    );
  });

  it('findings', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(matcher.match(t)).toEqual(reference.match(t));
      }),
      { numRuns: 1500 },
    );
  });

  it('findings on the fixture ads', () => {
    const dirs = ['fixtures/jobs', 'fixtures/eval/ads'].map((d) => new URL(`../${d}/`, import.meta.url));
    for (const dir of dirs) {
      for (const name of readdirSync(dir)) {
        const t = readFileSync(new URL(name, dir), 'utf8');
        expect(matcher.match(t), name).toEqual(reference.match(t));
      }
    }
  });
});

// The benchmark corpus is not in the repository; when it sits beside it, its first ads are compared too.
describe.skipIf(!existsSync(CORPUS))('tuned hot path = reference on corpus ads (../shared/corpus)', () => {
  it('first 400 ads, shipped taxonomy', async () => {
    const matcher = new Matcher(shipped);
    const reference = new RefMatcher(shipped);
    const lines = createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()), crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      const { id, text } = JSON.parse(line) as { id: string; text: string };
      expect(matcher.match(text), id).toEqual(reference.match(text));
      if (++n === 400) break;
    }
    lines.close();
  }, 60_000);
});

describe('saved matcher index', () => {
  it('the build saves the shipped index, and it decodes to what building gives', () => {
    expect(loaded.matchIndex).toBeTypeOf('string');
    const vocabulary = new Matcher(shipped, { cues: shipped.cues.words }).lexicon;
    const decoded = decodeMatchIndex(loaded.matchIndex!, vocabulary.words.length);
    expect(decoded).toEqual(buildMatchIndex(shipped, shipped.cues.words));
  });

  it('an index that does not fit the vocabulary is refused, and the matcher then builds its own', () => {
    const size = new Matcher(shipped, { cues: shipped.cues.words }).lexicon.words.length;
    expect(decodeMatchIndex(loaded.matchIndex!, size + 1)).toBeUndefined();
    expect(decodeMatchIndex(loaded.matchIndex!.slice(0, 400), size)).toBeUndefined();
    const withoutCues = new Matcher(shipped, { savedIndex: loaded.matchIndex! });
    expect(withoutCues.match('We use Python, Go and PostgreSQL')).toEqual(new RefMatcher(shipped).match('We use Python, Go and PostgreSQL'));
  });
});
